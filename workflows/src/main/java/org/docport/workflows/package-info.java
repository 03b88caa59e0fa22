/**
 * Temporal workflows of DocPort, one package per workflow, each with its workflow and activity
 * interfaces, their implementations (activities are implemented by the hub) and the records they
 * exchange. Nothing here depends on Spring, the hub or the connectors.
 */
package org.docport.workflows;
