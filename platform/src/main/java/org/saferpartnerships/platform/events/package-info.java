/**
 * The event contract of the platform: topic names and the payload record of every event type,
 * one sub-package per publishing service. Consumers depend on these types, never on another
 * service's classes. A breaking payload change gets a new type version ({@code .v2}).
 */
package org.saferpartnerships.platform.events;
