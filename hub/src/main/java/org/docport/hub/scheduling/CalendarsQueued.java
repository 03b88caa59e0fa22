package org.docport.hub.scheduling;

/** Doctors were queued for their slots to be generated again (published in that transaction). */
record CalendarsQueued() {}
