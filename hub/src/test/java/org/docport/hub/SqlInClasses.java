package org.docport.hub;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;

/**
 * ArchUnit conditions over the SQL a class carries: the string constants in its bytecode (literals,
 * text blocks and the constant parts of concatenations), where every statement the registry runs is
 * written. They make table ownership a build rule: a second writer of a table fails the build.
 */
final class SqlInClasses {

  private SqlInClasses() {}

  /** The class runs no statement that inserts into, updates or deletes from {@code table}. */
  static ArchCondition<JavaClass> notWrite(String table) {
    return notContain(
        "write table " + table,
        Pattern.compile(
            "\\b(insert\\s+into|update|delete\\s+from)\\s+" + table + "\\b",
            Pattern.CASE_INSENSITIVE));
  }

  /** The class runs no statement that reads {@code table} (from or join). */
  static ArchCondition<JavaClass> notRead(String table) {
    return notContain(
        "read table " + table,
        Pattern.compile("\\b(from|join)\\s+" + table + "\\b", Pattern.CASE_INSENSITIVE));
  }

  /** Classes (and their nested classes). */
  static DescribedPredicate<JavaClass> named(Class<?>... owners) {
    return named(List.of(owners).stream().map(Class::getName).toArray(String[]::new));
  }

  /** Classes by their fully qualified names, for owners a feature keeps package-private. */
  static DescribedPredicate<JavaClass> named(String... owners) {
    List<String> names = List.of(owners);
    return DescribedPredicate.describe(
        "named " + names, c -> names.contains(c.getName().replaceAll("\\$.*", "")));
  }

  private static ArchCondition<JavaClass> notContain(String what, Pattern statement) {
    return new ArchCondition<>("not " + what) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        for (String constant : stringConstants(javaClass)) {
          if (statement.matcher(constant).find()) {
            events.add(
                SimpleConditionEvent.violated(
                    javaClass,
                    javaClass.getName()
                        + " must not "
                        + what
                        + ": "
                        + constant.strip().replaceAll("\\s+", " ")));
          }
        }
      }
    };
  }

  private static List<String> stringConstants(JavaClass javaClass) {
    var source =
        javaClass
            .getSource()
            .orElseThrow(() -> new IllegalStateException("no class file for " + javaClass));
    try (InputStream in = source.getUri().toURL().openStream()) {
      List<String> constants = new ArrayList<>();
      new ClassReader(in).accept(new ConstantCollector(constants), ClassReader.SKIP_DEBUG);
      return constants;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class ConstantCollector extends ClassVisitor {

    private final List<String> constants;

    ConstantCollector(List<String> constants) {
      super(SpringAsmInfo.ASM_VERSION);
      this.constants = constants;
    }

    @Override
    public FieldVisitor visitField(
        int access, String name, String descriptor, String signature, Object value) {
      if (value instanceof String s) {
        constants.add(s);
      }
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(SpringAsmInfo.ASM_VERSION) {
        @Override
        public void visitLdcInsn(Object value) {
          if (value instanceof String s) {
            constants.add(s);
          }
        }

        @Override
        public void visitInvokeDynamicInsn(
            String name, String descriptor, Handle bootstrap, Object... arguments) {
          // String concatenation: the recipe holds the constant parts.
          for (Object argument : arguments) {
            if (argument instanceof String s) {
              constants.add(s);
            }
          }
        }
      };
    }
  }
}
