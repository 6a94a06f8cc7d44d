package org.saferpartnerships.reporting.directory;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A partnership's id and name, for labelling feed rows; the name is null until its events arrive. */
public record PartnershipLabel(String id, String name) {

    public static List<PartnershipLabel> of(List<String> ids) {
        Map<String, DirectoryPartnership> known = DirectoryPartnership.<DirectoryPartnership>list("id in ?1", ids)
                .stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
        return ids.stream().map(id -> new PartnershipLabel(id, known.containsKey(id) ? known.get(id).name : null))
                .toList();
    }
}
