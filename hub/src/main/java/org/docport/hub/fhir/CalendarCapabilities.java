package org.docport.hub.fhir;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * What {@code /fhir/metadata} says of Slot, Schedule and Appointment searches: exactly the
 * parameters {@link SlotSearch} and {@link BookingService} answer, in place of HAPI's guess.
 */
final class CalendarCapabilities {

  private CalendarCapabilities() {}

  /** Declares the type's search parameters; false when the type is not a calendar type. */
  static boolean declare(CapabilityStatementRestResourceComponent resource) {
    Map<String, SearchParamType> types = new LinkedHashMap<>();
    Map<String, String> documentation = new LinkedHashMap<>();
    switch (resource.getType()) {
      case CalendarService.SLOT -> {
        SlotSearch.PARAMETERS.forEach(
            (name, doc) -> {
              if (!name.startsWith("_")) {
                types.put(name, slotType(name));
                documentation.put(name, doc);
              }
            });
      }
      case CalendarService.SCHEDULE -> {
        types.put("actor", SearchParamType.REFERENCE);
        documentation.put("actor", "Practitioner/{id} or Location/{id} (required)");
      }
      case BookingService.APPOINTMENT -> {
        types.put("date", SearchParamType.DATE);
        documentation.put("date", "the start, with a prefix: ge, gt, le, lt, eq");
        types.put("status", SearchParamType.TOKEN);
        documentation.put("status", "pending, booked, arrived, fulfilled, noshow, cancelled");
        types.put("actor", SearchParamType.REFERENCE);
        documentation.put("actor", "the doctor's Practitioner/{id}");
        types.put("practitioner", SearchParamType.REFERENCE);
        documentation.put("practitioner", "the doctor's Practitioner/{id}");
      }
      default -> {
        return false;
      }
    }
    resource.getSearchParam().clear();
    resource.getSearchInclude().clear();
    resource.getSearchRevInclude().clear();
    types.forEach(
        (name, type) ->
            resource
                .addSearchParam()
                .setName(name)
                .setType(type)
                .setDocumentation(documentation.get(name)));
    return true;
  }

  private static SearchParamType slotType(String name) {
    if (name.equals("start")) {
      return SearchParamType.DATE;
    }
    if (name.endsWith("address-city")) {
      return SearchParamType.STRING;
    }
    return name.startsWith("schedule") ? SearchParamType.REFERENCE : SearchParamType.TOKEN;
  }
}
