package org.docport.workflows.consent;

import java.time.Duration;

/**
 * A doctor's request to join an insurer.
 *
 * @param autoAccept the insurer accepts every doctor without deciding one by one
 * @param decisionTimeout how long the insurer has to decide before the request fails
 */
public record OptInRequest(ConsentKey key, boolean autoAccept, Duration decisionTimeout) {}
