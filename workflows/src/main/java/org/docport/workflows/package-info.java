/**
 * Temporal workflows of DocPort, one package per workflow: doctor onboarding, the consent saga and
 * insurer onboarding arrive with the workflow issue; this module holds their home until then.
 */
package org.docport.workflows;
