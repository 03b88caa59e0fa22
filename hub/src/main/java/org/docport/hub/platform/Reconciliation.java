package org.docport.hub.platform;

/**
 * Brings the workflows in line with the registry, which is the truth: restarts the workflow of
 * anything the registry says is in flight but Temporal does not run (the in-process server keeps
 * nothing across restarts; a crash may fall between a registry change and a workflow start). {@link
 * Reconcilers} runs every one at start-up and then on a schedule.
 */
public interface Reconciliation {

  void reconcile();
}
