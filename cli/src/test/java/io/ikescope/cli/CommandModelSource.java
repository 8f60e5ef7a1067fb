package io.ikescope.cli;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Writes the source of {@link CommandModels}: picocli's model of every command as builder calls, from the commands'
 * annotations (raw strings) and picocli's own reading of them (types, order of options, mixins). An annotation
 * attribute this writer does not carry over stops it, so that a new attribute cannot be lost silently.
 */
final class CommandModelSource {
    private static final String NO_DEFAULT = "__no_default_value__";
    private static final Set<String> OPTION_ATTRIBUTES = Set.of("names", "description", "paramLabel", "defaultValue",
            "arity", "split", "hidden", "required", "converter", "usageHelp", "versionHelp", "descriptionKey");
    private static final Set<String> PARAMETER_ATTRIBUTES = Set.of("index", "description", "paramLabel",
            "defaultValue", "arity", "split", "hidden", "converter");
    private static final Set<String> COMMAND_ATTRIBUTES = Set.of("name", "mixinStandardHelpOptions", "versionProvider",
            "description", "exitCodeListHeading", "exitCodeList");

    private final StringBuilder out = new StringBuilder();
    private static final String STANDARD_HELP = "mixinStandardHelpOptions";

    private final Map<Class<?>, CommandSpec> mixinTypes = new LinkedHashMap<>();
    private CommandSpec standardHelp;

    private CommandModelSource() {
    }

    /** The whole of CommandModels.java. */
    static String generate() {
        return new CommandModelSource().write();
    }

    private String write() {
        line("// Generated from the picocli annotations of the commands by CommandModelSource (cli tests): do not edit.");
        line("// CommandModelsTest fails while it is out of date. After changing an annotation, rewrite it with");
        line("//   mvn -pl cli -am test -Dtest=CommandModelsTest -Dsurefire.failIfNoSpecifiedTests=false -Dikescope.regenerate=true");
        line("// and run the test again without -Dikescope.regenerate (the first run compared the classes built before).");
        line("package io.ikescope.cli;");
        line("");
        line("import picocli.CommandLine.Model.CommandSpec;");
        line("import picocli.CommandLine.Model.OptionSpec;");
        line("import picocli.CommandLine.Model.PositionalParamSpec;");
        line("");
        line("/**");
        line(" * The commands' picocli model, built without reading annotations: the JDK makes a proxy class for every");
        line(" * annotation type it reads, and reading the commands' annotations was about 70 ms of a run's start.");
        line(" */");
        line("final class CommandModels {");
        line("    private CommandModels() {");
        line("    }");
        line("");
        line("    /** {@code builder} reading and writing a field through {@code field}, its value now the initial one. */");
        line("    private static OptionSpec.Builder bound(OptionSpec.Builder builder, FieldBinding<?> field) {");
        line("        return builder.getter(field).setter(field).initialValue(field.get());");
        line("    }");
        line("");
        line("    /** {@code builder} reading and writing a field through {@code field}, its value now the initial one. */");
        line("    private static PositionalParamSpec.Builder bound(PositionalParamSpec.Builder builder,");
        line("            FieldBinding<?> field) {");
        line("        return builder.getter(field).setter(field).initialValue(field.get());");
        line("    }");
        IkescopeCommand top = new IkescopeCommand(StandardStreams.system());
        command("ikescope", top, false);
        line("");
        line("    /** The subcommand {@code name} (one of {@link IkescopeCommand#SUBCOMMANDS}) of {@code parent}. */");
        line("    static CommandSpec subcommand(String name, IkescopeCommand parent) {");
        line("        switch (name) {");
        for (var e : IkescopeCommand.SUBCOMMANDS.entrySet()) {
            String type = e.getValue().get().getClass().getSimpleName();
            line("            case " + literal(e.getKey()) + ":");
            line("                return " + methodName(e.getKey()) + "(new " + type + "(), parent);");
        }
        line("            default:");
        line("                throw new IllegalArgumentException(\"no such command: \" + name);");
        line("        }");
        line("    }");
        for (var e : IkescopeCommand.SUBCOMMANDS.entrySet()) {
            command(e.getKey(), e.getValue().get(), true);
        }
        for (var e : mixinTypes.entrySet()) {
            mixin(e.getKey(), e.getValue());
        }
        if (standardHelp != null) {
            line("");
            line("    /** What {@code mixinStandardHelpOptions = true} adds: -h/--help and -V/--version. */");
            line("    private static CommandSpec standardHelp() {");
            line("        CommandSpec spec = CommandSpec.create();");
            for (ArgSpec arg : standardHelp.args()) {
                line("        spec.addOption(" + arg(arg, null, 16) + ");");
            }
            line("        return spec;");
            line("    }");
        }
        line("}");
        return out.toString();
    }

    private void command(String name, Object command, boolean hasParent) {
        Class<?> type = command.getClass();
        CommandSpec reflected = CommandSpec.forAnnotatedObject(command);
        Command annotation = type.getAnnotation(Command.class);
        refuseUnknown(annotation, COMMAND_ATTRIBUTES, type.getName());
        line("");
        line("    /** {@code " + name + "}, as the annotations of {@link " + type.getSimpleName() + "} describe it. */");
        line("    static CommandSpec " + methodName(name) + "(" + type.getSimpleName() + " c"
                + (hasParent ? ", IkescopeCommand parent" : "") + ") {");
        line("        CommandSpec spec = CommandSpec.wrapWithoutInspection(c);");
        line("        spec.name(" + literal(annotation.name()) + ");");
        if (!annotation.versionProvider().getSimpleName().equals("NoVersionProvider")) {
            line("        spec.versionProvider(new " + annotation.versionProvider().getSimpleName() + "());");
        }
        if (annotation.description().length > 0) {
            line("        spec.usageMessage().description(" + literals(annotation.description(), 16) + ");");
        }
        if (!annotation.exitCodeListHeading().isEmpty()) {
            line("        spec.usageMessage().exitCodeListHeading(" + literal(annotation.exitCodeListHeading()) + ");");
        }
        if (annotation.exitCodeList().length > 0) {
            line("        var exitCodes = new java.util.LinkedHashMap<String, String>();");
            for (var e : reflected.usageMessage().exitCodeList().entrySet()) {
                line("        exitCodes.put(" + literal(e.getKey()) + ", " + wrapped(e.getValue(), 16) + ");");
            }
            line("        spec.usageMessage().exitCodeList(exitCodes);");
        }
        Set<String> mixinsDone = new LinkedHashSet<>();
        for (ArgSpec arg : reflected.args()) {
            String mixinName = mixinOf(reflected, arg);
            if (mixinName == null) {
                line("        spec." + (arg.isOption() ? "addOption" : "addPositional") + "(" + arg(arg, "c", 16) + ");");
            } else if (mixinsDone.add(mixinName)) {
                addMixin(type, mixinName, reflected.mixins().get(mixinName));
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(Spec.class)) {
                line("        c." + field.getName() + " = spec;");
            } else if (field.isAnnotationPresent(ParentCommand.class)) {
                line("        c." + field.getName() + " = parent;");
            }
        }
        line("        return spec;");
        line("    }");
    }

    private void addMixin(Class<?> commandType, String name, CommandSpec mixin) {
        if (name.equals(STANDARD_HELP)) {
            standardHelp = mixin;
            line("        spec.addMixin(" + literal(name) + ", standardHelp());");
            return;
        }
        Field field = field(commandType, name);
        if (!field.isAnnotationPresent(Mixin.class)) {
            throw new IllegalStateException(commandType.getName() + "." + name + ": a mixin without @Mixin");
        }
        String type = field.getType().getSimpleName();
        mixinTypes.putIfAbsent(field.getType(), mixin);
        line("        c." + name + " = new " + type + "();");
        line("        spec.addMixin(" + literal(name) + ", " + lowerFirst(type) + "(c." + name + ", spec));");
    }

    private void mixin(Class<?> type, CommandSpec reflected) {
        String simple = type.getSimpleName();
        line("");
        line("    /** The options of {@link " + simple + "}, mixed into {@code mixee}. */");
        line("    private static CommandSpec " + lowerFirst(simple) + "(" + simple + " m, CommandSpec mixee) {");
        line("        CommandSpec spec = CommandSpec.wrapWithoutInspection(m);");
        for (ArgSpec arg : reflected.args()) {
            line("        spec." + (arg.isOption() ? "addOption" : "addPositional") + "(" + arg(arg, "m", 16) + ");");
        }
        for (Field field : type.getDeclaredFields()) {
            Spec spec = field.getAnnotation(Spec.class);
            if (spec != null) {
                line("        m." + field.getName() + " = " + (spec.value() == Spec.Target.MIXEE ? "mixee" : "spec")
                        + ";");
            }
        }
        line("        return spec;");
        line("    }");
    }

    /** The builder expression of one option or positional parameter; {@code owner} null: no field binding. */
    private String arg(ArgSpec arg, String owner, int indent) {
        Field field = (Field) arg.userObject();
        String where = field.getDeclaringClass().getName() + "." + field.getName();
        StringBuilder b = new StringBuilder();
        String pad = "\n" + " ".repeat(indent);
        Annotation annotation;
        if (arg.isOption()) {
            Option o = field.getAnnotation(Option.class);
            refuseUnknown(o, OPTION_ATTRIBUTES, where);
            annotation = o;
            b.append("OptionSpec.builder(").append(literals(o.names(), -1)).append(")");
            if (o.usageHelp()) {
                b.append(pad).append(".usageHelp(true)");
            }
            if (o.versionHelp()) {
                b.append(pad).append(".versionHelp(true)");
            }
            if (!o.descriptionKey().isEmpty()) {
                b.append(pad).append(".descriptionKey(").append(literal(o.descriptionKey())).append(")");
            }
            if (o.required()) {
                b.append(pad).append(".required(true)");
            }
            common(b, pad, o.description(), o.paramLabel(), o.defaultValue(), o.arity(), o.split(), o.hidden(),
                    o.converter());
        } else {
            Parameters p = field.getAnnotation(Parameters.class);
            refuseUnknown(p, PARAMETER_ATTRIBUTES, where);
            annotation = p;
            b.append("PositionalParamSpec.builder()");
            if (!p.index().isEmpty()) {
                b.append(pad).append(".index(").append(literal(p.index())).append(")");
            }
            common(b, pad, p.description(), p.paramLabel(), p.defaultValue(), p.arity(), p.split(), p.hidden(),
                    p.converter());
        }
        Objects.requireNonNull(annotation);
        // what picocli derives when the annotation leaves it out (a label from the field name, a required positional)
        if (!b.toString().contains(".paramLabel(")) {
            b.append(pad).append(".paramLabel(").append(literal(arg.paramLabel())).append(")");
        }
        if (arg.required() && !b.toString().contains(".required(")) {
            b.append(pad).append(".required(true)");
        }
        b.append(pad).append(".type(").append(classLiteral(arg.type())).append(")");
        b.append(pad).append(".auxiliaryTypes(").append(classLiterals(arg.auxiliaryTypes())).append(")");
        if (owner == null && arg.initialValue() != null) {
            if (!(arg.initialValue() instanceof Boolean)) {
                throw new IllegalStateException(where + ": an unbound option with a non-boolean initial value");
            }
            b.append(pad).append(".initialValue(").append(arg.initialValue()).append(")");
        }
        if (owner != null) {
            if (Modifier.isPrivate(field.getModifiers())) {
                throw new IllegalStateException(where + " is private: make it package-private for CommandModels");
            }
            String ref = owner + "." + field.getName();
            b.insert(0, "bound(").append(",").append(pad).append("FieldBinding.of(() -> ").append(ref)
                    .append(", v -> ").append(ref).append(" = v))");
        }
        return b.append(pad).append(".build()").toString();
    }

    private static void common(StringBuilder b, String pad, String[] description, String paramLabel,
            String defaultValue, String arity, String split, boolean hidden, Class<?>[] converters) {
        if (description.length > 0) {
            b.append(pad).append(".description(").append(literals(description, pad.length() + 3)).append(")");
        }
        if (!paramLabel.isEmpty()) {
            b.append(pad).append(".paramLabel(").append(literal(paramLabel)).append(")");
        }
        if (!defaultValue.equals(NO_DEFAULT)) {
            b.append(pad).append(".defaultValue(").append(literal(defaultValue)).append(")");
        }
        if (!arity.isEmpty()) {
            b.append(pad).append(".arity(").append(literal(arity)).append(")");
        }
        if (!split.isEmpty()) {
            b.append(pad).append(".splitRegex(").append(literal(split)).append(")");
        }
        if (hidden) {
            b.append(pad).append(".hidden(true)");
        }
        if (converters.length > 0) {
            List<String> made = new ArrayList<>();
            for (Class<?> c : converters) {
                made.add("new " + c.getCanonicalName().replace("io.ikescope.cli.", "") + "()");
            }
            b.append(pad).append(".converters(").append(String.join(", ", made)).append(")");
        }
    }

    /** Stops on an attribute given a value that {@link #arg} or {@link #command} does not write. */
    private static void refuseUnknown(Annotation annotation, Set<String> handled, String where) {
        for (Method m : annotation.annotationType().getDeclaredMethods()) {
            if (handled.contains(m.getName())) {
                continue;
            }
            try {
                Object value = m.invoke(annotation);
                Object standard = m.getDefaultValue();
                boolean same = value.getClass().isArray() ? Arrays.deepEquals(new Object[] {value},
                        new Object[] {standard}) : value.equals(standard);
                if (!same) {
                    throw new IllegalStateException(where + ": @" + annotation.annotationType().getSimpleName()
                            + " attribute " + m.getName() + " is not carried into CommandModels: teach"
                            + " CommandModelSource to write it");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String mixinOf(CommandSpec spec, ArgSpec arg) {
        for (var e : spec.mixins().entrySet()) {
            if (e.getValue().args().contains(arg)) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + " has no field " + name, e);
        }
    }

    private static String methodName(String command) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : command.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String classLiteral(Class<?> c) {
        String name = c.getCanonicalName();
        return (name.startsWith("io.ikescope.cli.") ? name.substring("io.ikescope.cli.".length()) : name) + ".class";
    }

    private static String classLiterals(Class<?>[] classes) {
        List<String> all = new ArrayList<>();
        for (Class<?> c : classes) {
            all.add(classLiteral(c));
        }
        return String.join(", ", all);
    }

    /** String literals separated by commas; long ones broken at spaces into concatenations ({@code indent} < 0: never). */
    private static String literals(String[] values, int indent) {
        List<String> all = new ArrayList<>();
        for (String v : values) {
            all.add(indent < 0 ? literal(v) : wrapped(v, indent));
        }
        return indent < 0 || values.length == 1 ? String.join(", ", all)
                : String.join(",\n" + " ".repeat(indent), all);
    }

    private static String wrapped(String value, int indent) {
        int width = Math.max(40, 112 - indent);
        List<String> parts = new ArrayList<>();
        String rest = value;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            if (cut <= 0) {
                break;
            }
            parts.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        parts.add(rest);
        List<String> literals = new ArrayList<>();
        for (String p : parts) {
            literals.add(literal(p));
        }
        return String.join("\n" + " ".repeat(indent) + "+ ", literals);
    }

    static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
