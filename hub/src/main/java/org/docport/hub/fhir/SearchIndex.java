package org.docport.hub.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.docport.hub.fhir.SearchParameters.Parameter;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Turns a resource into the search values {@link SearchParameters} declare for its type, in the
 * form the query side matches: strings normalized, tokens as {@code system|code} and {@code code},
 * references as {@code Type/id}. Pure; the terser is thread-safe.
 *
 * <p>A reference to a resource published with it (the doctor's own Location from the doctor's
 * PractitionerRole) also carries the values of the declared chains under {@code
 * reference.parameter} ({@code location.address-city}), so the commonest Plan-Net searches match
 * one indexed value instead of following a join per candidate.
 */
final class SearchIndex {

  /** One value of one parameter. */
  record Value(String param, String value) {}

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private final FhirTerser terser;

  SearchIndex(FhirContext fhir) {
    this.terser = fhir.newTerser();
  }

  /** The resource's own values. */
  List<Value> valuesOf(Resource resource) {
    return valuesOf(resource, reference -> null);
  }

  /**
   * The resource's own values and, for each reference that {@code published} resolves ({@code
   * Type/id} to a resource published with this one, or null), the values of its declared chains.
   */
  List<Value> valuesOf(Resource resource, Function<String, Resource> published) {
    List<Value> values = new ArrayList<>();
    for (Parameter parameter : SearchParameters.of(resource.fhirType())) {
      Set<String> distinct = own(resource, parameter);
      distinct.forEach(v -> values.add(new Value(parameter.code(), v)));
      if (parameter.type() != SearchParameters.Type.REFERENCE) {
        continue;
      }
      for (String reference : distinct) {
        Resource target = published.apply(reference);
        if (target == null) {
          continue;
        }
        for (String chained : parameter.chains()) {
          SearchParameters.find(target.fhirType(), chained)
              .ifPresent(
                  onTarget ->
                      own(target, onTarget)
                          .forEach(v -> values.add(new Value(chain(parameter, onTarget), v))));
        }
      }
    }
    return values.stream().distinct().toList();
  }

  /** The indexed name of a chain's values on the referring resource. */
  static String chain(Parameter reference, Parameter onTarget) {
    return reference.code() + "." + onTarget.code();
  }

  private Set<String> own(Resource resource, Parameter parameter) {
    Set<String> distinct = new LinkedHashSet<>();
    for (IBase element : select(resource, parameter)) {
      switch (parameter.type()) {
        case STRING -> strings(element, distinct);
        case TOKEN -> tokens(element, distinct);
        case REFERENCE -> reference(element, distinct);
      }
    }
    return distinct;
  }

  /** The parameter's elements: its selector, or the union of the plain paths of its expression. */
  private List<? extends IBase> select(Resource resource, Parameter parameter) {
    if (parameter.select() != null) {
      return parameter.select().apply(resource);
    }
    List<IBase> elements = new ArrayList<>();
    for (String path : parameter.expression().split("\\|")) {
      elements.addAll(terser.getValues(resource, path.strip(), IBase.class));
    }
    return elements;
  }

  /** Lower case, accents removed, spaces collapsed: how string values are stored and searched. */
  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    return MARKS
        .matcher(decomposed)
        .replaceAll("")
        .toLowerCase(Locale.ROOT)
        .strip()
        .replaceAll("\\s+", " ");
  }

  /**
   * The least string above every string that starts with {@code prefix}, in the byte order of UTF-8
   * that the value index keeps ({@code text_pattern_ops}, which is code point order); empty when
   * there is none (an empty prefix, or one of only the highest code point). With it a starts-with
   * match is the index range {@code [prefix, end)}, which PostgreSQL's statistics can estimate,
   * where a {@code like} pattern is a guess.
   */
  static Optional<String> prefixEnd(String prefix) {
    int[] points = prefix.codePoints().toArray();
    for (int i = points.length - 1; i >= 0; i--) {
      int next = points[i] + 1;
      if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
        next = Character.MAX_SURROGATE + 1;
      }
      if (next <= Character.MAX_CODE_POINT) {
        return Optional.of(new String(points, 0, i) + Character.toString(next));
      }
    }
    return Optional.empty();
  }

  private static void strings(IBase element, Set<String> out) {
    if (element instanceof HumanName name) {
      add(out, name.getFamily());
      name.getGiven().forEach(g -> add(out, g.getValue()));
      name.getPrefix().forEach(p -> add(out, p.getValue()));
      name.getSuffix().forEach(s -> add(out, s.getValue()));
      add(out, name.getText());
    } else if (element instanceof Address address) {
      address.getLine().forEach(l -> add(out, l.getValue()));
      add(out, address.getCity());
      add(out, address.getDistrict());
      add(out, address.getState());
      add(out, address.getPostalCode());
      add(out, address.getCountry());
      add(out, address.getText());
    } else if (element instanceof PrimitiveType<?> primitive) {
      add(out, primitive.getValueAsString());
    }
  }

  private static void add(Set<String> out, String text) {
    if (text != null && !text.isBlank()) {
      out.add(normalize(text));
    }
  }

  private static void tokens(IBase element, Set<String> out) {
    if (element instanceof CodeableConcept concept) {
      concept.getCoding().forEach(c -> token(c.getSystem(), c.getCode(), out));
    } else if (element instanceof Coding coding) {
      token(coding.getSystem(), coding.getCode(), out);
    } else if (element instanceof Identifier identifier) {
      token(identifier.getSystem(), identifier.getValue(), out);
    } else if (element instanceof BooleanType bool && bool.hasValue()) {
      token(null, bool.getValueAsString(), out);
    } else if (element instanceof PrimitiveType<?> primitive) {
      token(null, primitive.getValueAsString(), out);
    }
  }

  private static void token(String system, String code, Set<String> out) {
    if (code == null || code.isBlank()) {
      return;
    }
    out.add(code);
    out.add((system == null ? "" : system) + "|" + code);
  }

  private static void reference(IBase element, Set<String> out) {
    if (element instanceof Reference reference && reference.hasReference()) {
      var id = reference.getReferenceElement();
      if (id.hasResourceType() && id.hasIdPart()) {
        out.add(id.getResourceType() + "/" + id.getIdPart());
      }
    }
  }
}
