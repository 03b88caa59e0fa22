package org.docport.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.docport.connectors.delivery.DeliveryStore;
import org.docport.hub.consent.ConsentManagement;
import org.docport.hub.consent.InsurerVisibility;
import org.docport.hub.sync.SyncPlanner;
import org.junit.jupiter.api.Test;

/** The table-ownership rules see the SQL they police, so they cannot pass by seeing nothing. */
class SqlInClassesTest {

  private static final JavaClasses OWNERS =
      new ClassFileImporter()
          .importClasses(
              DeliveryStore.class,
              ConsentManagement.class,
              InsurerVisibility.class,
              SyncPlanner.class);

  @Test
  void aWriterOfATableBreaksTheRuleThatNobodyElseWritesIt() {
    var result =
        classes().should(SqlInClasses.notWrite("delivery")).allowEmptyShould(true).evaluate(OWNERS);

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allMatch(d -> d.contains(DeliveryStore.class.getName()))
        .anyMatch(d -> d.contains("insert into delivery"));
  }

  @Test
  void statementsBuiltByConcatenationAreSeenToo() {
    // InsurerVisibility joins "from consent c" into its queries with + and constants.
    var result =
        classes().should(SqlInClasses.notRead("consent")).allowEmptyShould(true).evaluate(OWNERS);

    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(InsurerVisibility.class.getName()))
        .anyMatch(d -> d.contains(ConsentManagement.class.getName()))
        .noneMatch(d -> d.contains(SyncPlanner.class.getName()));
  }
}
