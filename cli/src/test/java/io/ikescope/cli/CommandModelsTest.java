package io.ikescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@link CommandModels}, which the CLI runs on, against picocli's reading of the commands' annotations: the source
 * is what {@link CommandModelSource} writes today, every command's usage help and every option's attributes are
 * the same, and parsing any option sets the same fields.
 */
class CommandModelsTest {
    private static final Path SOURCE = Path.of("src/main/java/io/ikescope/cli/CommandModels.java");

    @Test
    void theCommittedSourceIsWhatTheAnnotationsSayToday() throws Exception {
        String expected = CommandModelSource.generate();
        if (Boolean.getBoolean("ikescope.regenerate")) {
            Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
                .as("CommandModels.java is out of date with the annotations; regenerate it as its header says")
                .isEqualTo(expected);
    }

    @Test
    void everyCommandHasTheUsageHelpAndOptionsItsAnnotationsGive() {
        IkescopeCommand parent = new IkescopeCommand(StandardStreams.system());
        for (String name : IkescopeCommand.SUBCOMMANDS.keySet()) {
            CommandSpec reflected = CommandSpec.forAnnotatedObject(IkescopeCommand.SUBCOMMANDS.get(name).get());
            CommandSpec generated = CommandModels.subcommand(name, parent);
            assertSameModel(name, reflected, generated);
        }
        CommandLine reflectedTop = new CommandLine(new IkescopeCommand(StandardStreams.system()));
        CommandLine generatedTop = new CommandLine(CommandModels.ikescope(parent));
        for (String name : IkescopeCommand.SUBCOMMANDS.keySet()) {
            reflectedTop.addSubcommand(IkescopeCommand.SUBCOMMANDS.get(name).get());
            generatedTop.addSubcommand(new CommandLine(CommandModels.subcommand(name, parent)));
        }
        assertSameModel("ikescope", reflectedTop.getCommandSpec(), generatedTop.getCommandSpec());
    }

    @Test
    void parsingEveryOptionSetsTheSameFieldsAsTheAnnotatedModel() throws Exception {
        IkescopeCommand parent = new IkescopeCommand(StandardStreams.system());
        int runs = 0;
        for (String name : IkescopeCommand.SUBCOMMANDS.keySet()) {
            CommandSpec model = CommandModels.subcommand(name, parent);
            List<String> positionals = new ArrayList<>();
            model.positionalParameters().forEach(p -> positionals.add(sample(p, name)));
            List<List<String>> argumentLists = new ArrayList<>();
            argumentLists.add(positionals);
            for (OptionSpec option : model.options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                for (String optionName : option.names()) {
                    List<String> args = new ArrayList<>(List.of(optionName));
                    if (option.arity().max() > 0) {
                        args.add(sample(option, name));
                    }
                    args.addAll(positionals);
                    argumentLists.add(args);
                }
            }
            for (List<String> args : argumentLists) {
                Object viaAnnotations = IkescopeCommand.SUBCOMMANDS.get(name).get();
                new CommandLine(viaAnnotations).parseArgs(args.toArray(String[]::new));
                CommandSpec generated = CommandModels.subcommand(name, parent);
                new CommandLine(generated).parseArgs(args.toArray(String[]::new));
                assertThat(optionFields(generated.userObject())).as(name + " " + args)
                        .isEqualTo(optionFields(viaAnnotations)).isNotEmpty();
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(60);
    }

    private static void assertSameModel(String name, CommandSpec reflected, CommandSpec generated) {
        assertThat(generated.name()).isEqualTo(reflected.name());
        assertThat(usage(generated)).as(name + " usage help").isEqualTo(usage(reflected));
        assertThat(generated.mixins().keySet()).as(name + " mixins").isEqualTo(reflected.mixins().keySet());
        assertThat(generated.usageMessage().exitCodeList()).isEqualTo(reflected.usageMessage().exitCodeList());
        assertThat(describe(generated.args())).as(name + " options").isEqualTo(describe(reflected.args()));
        assertThat(generated.version()).isEqualTo(reflected.version());
    }

    private static String usage(CommandSpec spec) {
        return new CommandLine(spec).getUsageMessage(Help.Ansi.OFF);
    }

    private static List<String> describe(List<ArgSpec> args) {
        List<String> all = new ArrayList<>();
        for (ArgSpec a : args) {
            String names = a instanceof OptionSpec o ? String.join(",", o.names())
                    + (o.usageHelp() ? " usageHelp" : "") + (o.versionHelp() ? " versionHelp" : "")
                    : "positional " + ((CommandLine.Model.PositionalParamSpec) a).index();
            all.add(names + " type=" + a.type().getName() + " aux=" + Arrays.toString(a.auxiliaryTypes())
                    + " arity=" + a.arity() + " label=" + a.paramLabel() + " default=" + a.defaultValue()
                    + " hidden=" + a.hidden() + " required=" + a.required() + " split=" + a.splitRegex()
                    + " description=" + Arrays.toString(a.description()) + " initial=" + a.initialValue()
                    + " hasInitial=" + a.hasInitialValue() + " converters=" + converterTypes(a.converters())
                    + " multi=" + a.isMultiValue());
        }
        return all;
    }

    private static List<String> converterTypes(CommandLine.ITypeConverter<?>[] converters) {
        return Arrays.stream(converters).map(c -> c.getClass().getName()).toList();
    }

    /** A value of the argument's type that its converter accepts. */
    private static String sample(ArgSpec arg, String command) {
        Class<?> type = arg.isMultiValue() ? arg.auxiliaryTypes()[0] : arg.type();
        Map<Class<?>, Function<ArgSpec, String>> samples = new LinkedHashMap<>();
        samples.put(int.class, a -> "7");
        samples.put(Integer.class, a -> "7");
        samples.put(long.class, a -> "9");
        samples.put(double.class, a -> "2.5");
        samples.put(String.class, a -> "text");
        samples.put(Path.class, a -> "some/file");
        samples.put(OutputFormat.class, a -> "json");
        Function<ArgSpec, String> sample = samples.get(type);
        assertThat(sample).as(command + " " + arg + ": no sample value for " + type + "; add one").isNotNull();
        return sample.apply(arg);
    }

    /** Every option and parameter field of a command and of its mixins, by name. */
    private static Map<String, Object> optionFields(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            f.setAccessible(true);
            if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
                values.put(f.getName(), f.get(command));
            } else if (f.isAnnotationPresent(Mixin.class)) {
                optionFields(f.get(command)).forEach((k, v) -> values.put(f.getName() + "." + k, v));
            }
        }
        return values;
    }
}
