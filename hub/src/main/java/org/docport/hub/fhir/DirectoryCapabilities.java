package org.docport.hub.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.docport.hub.fhir.SearchParameters.Parameter;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * {@code /fhir/metadata}: HAPI's statement of the interactions, completed with what the annotations
 * cannot say: every search parameter, chain, include and revinclude the server answers (from the
 * one table in {@link SearchParameters}), the Plan-Net profiles served, and that the server
 * implements Plan-Net.
 */
final class DirectoryCapabilities extends ServerCapabilityStatementProvider {

  static final String PLAN_NET = "http://hl7.org/fhir/us/davinci-pdex-plan-net/";

  private final Map<String, List<String>> profiles;

  DirectoryCapabilities(RestfulServer server, Map<String, List<String>> profiles) {
    super(server);
    this.profiles = profiles;
  }

  @Override
  public IBaseConformance getServerConformance(HttpServletRequest http, RequestDetails request) {
    CapabilityStatement statement = (CapabilityStatement) super.getServerConformance(http, request);
    statement.setName("DocPortDirectory").setTitle("DocPort provider directory");
    statement.addInstantiates(PLAN_NET + "CapabilityStatement/plan-net");
    statement.addInstantiates(BulkExportProvider.BULK_DATA + "CapabilityStatement/bulk-data");
    for (CapabilityStatementRestResourceComponent resource :
        statement.getRestFirstRep().getResource()) {
      describe(resource);
    }
    SubscriptionCapabilities.declare(statement);
    return statement;
  }

  private void describe(CapabilityStatementRestResourceComponent resource) {
    String type = resource.getType();
    List<String> served = profiles.get(type);
    if (served == null && CalendarCapabilities.declare(resource)) {
      return;
    }
    if (served == null) {
      return; // HAPI's own OperationDefinition: nothing of the directory
    }
    served.forEach(resource::addSupportedProfile);
    resource.getSearchParam().removeIf(p -> !p.getName().startsWith("_"));
    // HAPI declares every include ("*"): DocPort answers those of its own reference parameters.
    resource.getSearchInclude().clear();
    resource.getSearchRevInclude().clear();
    for (Parameter parameter : SearchParameters.of(type)) {
      resource
          .addSearchParam()
          .setName(parameter.code())
          .setType(type(parameter.type()))
          .setDocumentation(documentation(parameter));
      if (parameter.type() == SearchParameters.Type.REFERENCE) {
        resource.addSearchInclude(type + ":" + parameter.code());
      }
    }
    for (Parameter parameter : SearchParameters.ALL) {
      if (type.equals(parameter.target())) {
        resource.addSearchRevInclude(parameter.resource() + ":" + parameter.code());
      }
    }
    resource.addSearchParam().setName("_id").setType(SearchParamType.TOKEN);
    resource.addSearchParam().setName("_lastUpdated").setType(SearchParamType.DATE);
  }

  /** What the parameter matches, and the chains that may follow it. */
  static String documentation(Parameter parameter) {
    String what = "Matches " + parameter.description() + ".";
    return parameter.chains().isEmpty()
        ? what
        : what + " Chains: " + String.join(", ", parameter.chains()) + ".";
  }

  private static SearchParamType type(SearchParameters.Type type) {
    return switch (type) {
      case STRING -> SearchParamType.STRING;
      case TOKEN -> SearchParamType.TOKEN;
      case REFERENCE -> SearchParamType.REFERENCE;
    };
  }
}
