package org.docport.mappings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.docport.mappings.codes.Translation;
import org.docport.mappings.codes.Translation.Target;
import org.docport.mappings.codes.Translation.Translated;
import org.docport.mappings.document.DoctorDocument;
import org.docport.mappings.document.DoctorDocument.Address;
import org.docport.mappings.document.DoctorDocument.Affiliation;
import org.docport.mappings.document.DoctorDocument.Code;
import org.docport.mappings.document.DoctorDocument.Contact;
import org.docport.mappings.document.DoctorDocument.Endpoint;
import org.docport.mappings.document.DoctorDocument.Insurer;
import org.docport.mappings.document.DoctorDocument.Name;
import org.docport.mappings.document.DoctorDocument.Network;
import org.docport.mappings.document.DoctorDocument.Practice;
import org.docport.mappings.document.DoctorDocument.Qualification;
import org.docport.mappings.document.DoctorDocument.Registration;
import org.docport.mappings.document.DoctorDocument.Specialty;
import org.docport.mappings.document.DoctorMessage;
import org.docport.mappings.document.DoctorWithdrawal;
import org.docport.mappings.snapshot.Coding;
import org.docport.mappings.snapshot.DoctorSnapshot;
import org.docport.mappings.snapshot.Identifier;
import org.docport.mappings.snapshot.InsurerContext;
import org.docport.mappings.snapshot.PersonName;
import org.docport.mappings.snapshot.PracticeLocation;

/**
 * Doctor snapshot -> {@code docport-json} message ({@link DoctorDocument}, {@link
 * DoctorWithdrawal}). Pure and deterministic; blank text becomes null, lists are never null,
 * repeated practices, networks and endpoints (by id) appear once.
 */
final class DocportJsonMapper {

  private DocportJsonMapper() {}

  /**
   * The document of an active doctor, or the withdrawal of an inactive one.
   *
   * @param specialties the translation of the normalized snapshot's specialties by the insurer's
   *     code map ({@link org.docport.mappings.codes.CodeMap#translate})
   * @throws IllegalArgumentException when the doctor has no id
   */
  static DoctorMessage message(
      DoctorSnapshot snapshot, InsurerContext insurer, Translation specialties) {
    DoctorSnapshot doctor = Objects.requireNonNull(snapshot, "snapshot").normalized();
    Objects.requireNonNull(insurer, "insurer");
    if (doctor.id() == null) {
      throw new IllegalArgumentException("doctor id is required");
    }
    if (!doctor.active()) {
      return DoctorWithdrawal.of(doctor.id(), doctor.version());
    }
    return new DoctorDocument(
        DoctorDocument.SCHEMA,
        doctor.id(),
        doctor.version(),
        DoctorDocument.ACTIVE,
        new Insurer(text(insurer.id()), text(insurer.name())),
        name(doctor.name()),
        text(doctor.gender()),
        doctor.identifiers().stream().map(DocportJsonMapper::registration).toList(),
        doctor.qualifications().stream()
            .map(q -> new Qualification(code(q.degree()), text(q.issuer()), q.year()))
            .toList(),
        specialties(specialties),
        texts(doctor.languages()),
        doctor.telecom().stream()
            .map(c -> new Contact(text(c.system()), text(c.value()), text(c.use())))
            .toList(),
        Elements.distinct(doctor.locations(), PracticeLocation::id).stream()
            .map(DocportJsonMapper::practice)
            .toList(),
        doctor.affiliations().stream()
            .map(a -> new Affiliation(text(a.name()), registration(a.identifier())))
            .toList(),
        Elements.distinct(Elements.present(insurer.networks()), InsurerContext.Network::id).stream()
            .map(n -> new Network(text(n.id()), text(n.name()), networkProductType(n)))
            .toList(),
        Elements.distinct(doctor.endpoints(), e -> e.id()).stream()
            .map(
                e ->
                    new Endpoint(
                        text(e.id()), text(e.connectionType()), text(e.address()), text(e.name())))
            .toList());
  }

  /**
   * A replaced code gives way to the insurer's codes, an accompanied one is followed by them: see
   * {@link Specialty}.
   */
  static List<Specialty> specialties(Translation translation) {
    List<Specialty> specialties = new ArrayList<>();
    for (Translated specialty : translation.codes()) {
      Coding original = specialty.original();
      if (!specialty.replaced()) {
        specialties.add(
            new Specialty(
                text(original.system()),
                text(original.code()),
                text(original.display()),
                null,
                null));
      }
      for (Target target : specialty.targets()) {
        Coding insurers = target.coding();
        specialties.add(
            new Specialty(
                insurers.system(),
                insurers.code(),
                insurers.display(),
                code(original),
                target.equivalence()));
      }
    }
    return List.copyOf(specialties);
  }

  private static Name name(PersonName name) {
    if (name == null) {
      return new Name(null, List.of(), null, null, null);
    }
    List<String> given = texts(name.given());
    String whole =
        Stream.of(
                Stream.of(text(name.prefix())),
                given.stream(),
                Stream.of(text(name.family()), text(name.suffix())))
            .flatMap(s -> s)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(" "));
    return new Name(
        text(name.family()),
        given,
        text(name.prefix()),
        text(name.suffix()),
        whole.isEmpty() ? null : whole);
  }

  private static Registration registration(Identifier identifier) {
    if (identifier == null) {
      return null;
    }
    return new Registration(
        text(identifier.system()),
        text(identifier.value()),
        text(identifier.type()),
        text(identifier.issuer()),
        text(identifier.region()),
        date(identifier.validFrom()),
        date(identifier.validTo()));
  }

  private static Practice practice(PracticeLocation place) {
    var address = place.address();
    var geo = place.geo();
    boolean located = geo != null && geo.latitude() != null && geo.longitude() != null;
    return new Practice(
        text(place.id()),
        text(place.name()),
        address == null
            ? null
            : new Address(
                texts(address.lines()),
                text(address.city()),
                text(address.district()),
                text(address.state()),
                text(address.postalCode()),
                text(address.country())),
        located ? geo.latitude() : null,
        located ? geo.longitude() : null,
        text(place.phone()));
  }

  private static String networkProductType(InsurerContext.Network network) {
    String type = text(network.productType());
    return type == null ? InsurerContext.Network.DEFAULT_PRODUCT_TYPE : type;
  }

  private static Code code(Coding coding) {
    if (coding == null) {
      return null;
    }
    return new Code(text(coding.system()), text(coding.code()), text(coding.display()));
  }

  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static String text(String value) {
    return Elements.text(value);
  }

  private static List<String> texts(List<String> values) {
    return Elements.present(values).stream().map(Elements::text).filter(Objects::nonNull).toList();
  }
}
