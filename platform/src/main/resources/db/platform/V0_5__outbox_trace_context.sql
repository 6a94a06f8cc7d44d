-- W3C trace context of the request that wrote each event, sent as Kafka headers by the relay,
-- so a consumer's work joins the trace of the change that caused it.
alter table outbox_event
    add column traceparent text,
    add column tracestate  text;
