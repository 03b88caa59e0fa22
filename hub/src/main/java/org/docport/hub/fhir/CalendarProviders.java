package org.docport.hub.fhir;

import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Schedule;
import org.hl7.fhir.r4.model.Slot;

/** The FHIR interactions on Slot, Schedule and Appointment; thin, each delegating to a service. */
final class CalendarProviders {

  private CalendarProviders() {}

  /** Slot: read and search. */
  record Slots(CalendarService service) implements IResourceProvider {

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Slot.class;
    }

    @Read
    public Slot read(@IdParam IdType id) {
      return service.readSlot(id);
    }

    /** Parameters are checked by {@link SlotSearch}. */
    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
      return service.searchSlots(request);
    }
  }

  /** Schedule: read, and search by actor. */
  record Schedules(CalendarService service) implements IResourceProvider {

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Schedule.class;
    }

    @Read
    public Schedule read(@IdParam IdType id) {
      return service.readSchedule(id);
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
      return service.searchSchedules(request);
    }
  }

  /** Appointment: the insurer's own, read, searched, created, updated, held and booked. */
  record Appointments(BookingService service) implements IResourceProvider {

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Appointment.class;
    }

    @Read
    public Appointment read(@IdParam IdType id) {
      return service.read(id);
    }

    @Search(allowUnknownParams = true)
    public IBundleProvider search(RequestDetails request) {
      return service.search(request);
    }

    @Create
    public MethodOutcome create(@ResourceParam Appointment appointment) {
      return service.create(appointment);
    }

    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Appointment appointment) {
      return service.update(id, appointment);
    }

    @Operation(name = "$hold", idempotent = false)
    public Appointment hold(
        @OperationParam(name = "appointment-resource", min = 1, max = 1) Appointment appointment,
        @OperationParam(name = "hold-minutes", max = 1) IntegerType minutes) {
      return service.hold(appointment, minutes == null ? null : minutes.getValue());
    }

    @Operation(name = "$book", idempotent = false)
    public Appointment book(
        @OperationParam(name = "appointment-resource", max = 1) Appointment appointment,
        @OperationParam(name = "appointment-reference", max = 1) Reference held) {
      return service.book(appointment, held);
    }
  }
}
