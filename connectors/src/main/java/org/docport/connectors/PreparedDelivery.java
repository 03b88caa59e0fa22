package org.docport.connectors;

import org.docport.mappings.PublishedResources;

/** A job with the resources to publish, mapped from the snapshot at {@code version}. */
public record PreparedDelivery(DeliveryJob job, long version, PublishedResources resources) {}
