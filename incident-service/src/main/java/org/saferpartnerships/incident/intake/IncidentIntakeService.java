package org.saferpartnerships.incident.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.saferpartnerships.incident.register.IncidentInput;
import org.saferpartnerships.incident.register.IncidentRegister;
import org.saferpartnerships.incident.register.PostingRefused;
import org.saferpartnerships.incident.register.Registration;
import org.saferpartnerships.incident.register.Submitter;

/**
 * Incidents posted through the API, one or a batch per transaction, each stored with its
 * {@code incident.recorded.v1} event by the {@link IncidentRegister}. A re-post with changed
 * content is refused: through the API, a change is a correction, made with If-Match. They are the
 * agency's own records, of no publication: never open data.
 */
@ApplicationScoped
public class IncidentIntakeService {

    private final IncidentRegister register;

    IncidentIntakeService(IncidentRegister register) {
        this.register = register;
    }

    /**
     * Stores one incident, or when the agency posted this externalRef before, returns the stored
     * record if the content is the same and refuses it (409) if not.
     */
    @Transactional
    public Registration record(Submitter submitter, IncidentInput posted) {
        Registration registration = register.register(submitter, null, List.of(posted),
                IncidentRegister.OnChangedContent.REFUSE).get(0);
        if (registration.outcome() == Registration.Outcome.REFUSED) {
            throw new PostingRefused(registration.refusal());
        }
        return registration;
    }

    /**
     * Stores every acceptable incident of a batch in one transaction; items already stored are
     * unchanged; the rest are refused with their reason.
     *
     * @param items the posted incidents, or the reason an item could not be read
     */
    @Transactional
    public List<BatchResult.Item> recordAll(Submitter submitter, List<BatchItem> items) {
        List<IncidentInput> readable = items.stream().map(BatchItem::input).filter(i -> i != null).toList();
        List<Registration> registrations = register.register(submitter, null, readable,
                IncidentRegister.OnChangedContent.REFUSE);
        List<BatchResult.Item> results = new ArrayList<>(items.size());
        int next = 0;
        for (int index = 0; index < items.size(); index++) {
            BatchItem item = items.get(index);
            results.add(item.input() == null ? BatchResult.Item.rejected(index, null, item.problems())
                    : BatchResult.Item.of(index, item.input().externalRef(), registrations.get(next++)));
        }
        return results;
    }
}
