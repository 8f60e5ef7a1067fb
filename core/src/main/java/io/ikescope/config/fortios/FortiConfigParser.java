package io.ikescope.config.fortios;

import io.ikescope.config.ConfigException;
import io.ikescope.config.ConfigWarning;
import io.ikescope.config.Origin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses FortiOS CLI configuration text ({@code show} output, a script, or a full backup) into a {@link FortiTree}:
 * {@code config}/{@code end} blocks, {@code edit}/{@code next} entries, {@code set}/{@code unset}/{@code append}
 * statements. Words are separated by blanks; a value in double or single quotes may hold blanks and line breaks, a
 * backslash takes the next character literally. Values are never quoted in messages: some are secrets.
 */
final class FortiConfigParser {

    /** Nesting deeper than any FortiOS table (backups go about six deep) is refused, not recursed into. */
    static final int MAX_DEPTH = 32;
    /** One statement's words; a certificate in a backup is one long word, so the bound is on the count. */
    private static final int MAX_WORDS = 4096;
    /** "FGT60F (phase1-interface) # show" or "FGT # show vpn ipsec phase1-interface": pasted prompts. */
    private static final Pattern PROMPT = Pattern.compile("^[\\w.-]+( \\([\\w.-]+\\))? [#$] .*");

    private final String file;
    private final String text;
    private final List<ConfigWarning> warnings;
    private int pos;
    private int line = 1;

    FortiConfigParser(String file, String text, List<ConfigWarning> warnings) {
        this.file = file;
        this.text = text;
        this.warnings = warnings;
    }

    FortiTree.Body parse() throws ConfigException {
        FortiTree.Body root = new FortiTree.Body(0);
        Deque<FortiTree.Body> stack = new ArrayDeque<>();
        stack.push(root);
        while (pos < text.length()) {
            int start = skipBlanks();
            if (pos >= text.length()) {
                break;
            }
            String rawLine = restOfLine();
            if (rawLine.startsWith("#") || rawLine.startsWith("--More--")) {
                skipLine();
                continue;
            }
            if (PROMPT.matcher(rawLine).matches()) {
                warnings.add(new ConfigWarning(Origin.at(file, start), "a CLI prompt, skipped"));
                skipLine();
                continue;
            }
            List<String> words = statement();
            if (!words.isEmpty()) {
                apply(words, start, stack);
            }
        }
        if (stack.size() > 1) {
            FortiTree.Body open = stack.peek();
            String what = open instanceof FortiTree.Block b ? "'config " + b.path + "'"
                    : "'edit " + ((FortiTree.Entry) open).name + "'";
            throw new ConfigException(file, open.line, what + " is not closed ('" + (open instanceof FortiTree.Block
                    ? "end" : "next") + "' expected before the end of the file)");
        }
        return root;
    }

    private void apply(List<String> words, int at, Deque<FortiTree.Body> stack) throws ConfigException {
        String command = words.get(0);
        FortiTree.Body top = stack.peek();
        switch (command) {
            case "config" -> {
                if (words.size() < 2) {
                    throw new ConfigException(file, at, "'config' needs a table name");
                }
                if (stack.size() > MAX_DEPTH) {
                    throw new ConfigException(file, at, "blocks nested deeper than " + MAX_DEPTH);
                }
                FortiTree.Block block = new FortiTree.Block(String.join(" ", words.subList(1, words.size())), at);
                top.blocks.add(block);
                stack.push(block);
            }
            case "edit" -> {
                if (!(top instanceof FortiTree.Block block)) {
                    throw new ConfigException(file, at, "'edit' outside a 'config' block");
                }
                if (words.size() != 2) {
                    throw new ConfigException(file, at, "'edit' needs one name");
                }
                // editing an existing entry again (a script) goes on with its settings, as the CLI does
                FortiTree.Entry entry = block.entries.computeIfAbsent(words.get(1), n -> new FortiTree.Entry(n, at));
                stack.push(entry);
            }
            case "next" -> {
                if (!(top instanceof FortiTree.Entry)) {
                    throw new ConfigException(file, at, "'next' without an open 'edit'");
                }
                stack.pop();
            }
            case "end" -> {
                if (top instanceof FortiTree.Entry) {
                    stack.pop(); // the CLI's 'end' also closes an open 'edit'
                }
                if (!(stack.peek() instanceof FortiTree.Block)) {
                    throw new ConfigException(file, at, "'end' without an open 'config' block");
                }
                stack.pop();
            }
            case "set", "append", "unset", "unselect", "select" -> setting(words, at, top);
            case "delete" -> {
                if (top instanceof FortiTree.Block block && words.size() == 2) {
                    block.entries.remove(words.get(1));
                } else {
                    throw new ConfigException(file, at, "'delete' needs one entry name inside a 'config' block");
                }
            }
            default -> warnings.add(new ConfigWarning(Origin.at(file, at),
                    "'" + command + "' is not a configuration statement ikescope applies; skipped"));
        }
    }

    private void setting(List<String> words, int at, FortiTree.Body top) throws ConfigException {
        String command = words.get(0);
        if (!(top instanceof FortiTree.Block) && !(top instanceof FortiTree.Entry)) {
            throw new ConfigException(file, at, "'" + command + "' outside a 'config' block");
        }
        if (words.size() < 2) {
            throw new ConfigException(file, at, "'" + command + "' needs a keyword");
        }
        String key = words.get(1);
        List<String> values = words.subList(2, words.size());
        FortiTree.Setting old = top.settings.get(key);
        switch (command) {
            case "unset" -> top.settings.remove(key);
            case "append", "select" -> {
                List<String> joined = new ArrayList<>(old == null ? List.of() : old.values());
                joined.addAll(values);
                top.settings.put(key, new FortiTree.Setting(key, joined, at));
            }
            case "unselect" -> {
                List<String> left = new ArrayList<>(old == null ? List.of() : old.values());
                left.removeAll(values);
                top.settings.put(key, new FortiTree.Setting(key, left, at));
            }
            default -> top.settings.put(key, new FortiTree.Setting(key, values, at));
        }
    }

    /** Reads the words of one statement up to the end of its line (a quoted word may span lines). */
    private List<String> statement() throws ConfigException {
        List<String> words = new ArrayList<>();
        int statementLine = line;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                break;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
                continue;
            }
            if (words.size() >= MAX_WORDS) {
                throw new ConfigException(file, statementLine, "more than " + MAX_WORDS + " words in one statement");
            }
            words.add(c == '"' || c == '\'' ? quoted(c, statementLine) : bare());
        }
        return words;
    }

    private String bare() {
        StringBuilder word = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                break;
            }
            if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) != '\n') {
                pos++;
                c = text.charAt(pos);
            }
            word.append(c);
            pos++;
        }
        return word.toString();
    }

    private String quoted(char quote, int statementLine) throws ConfigException {
        int openLine = line;
        pos++;
        StringBuilder word = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return word.toString();
            }
            if (c == '\\' && pos + 1 < text.length()) {
                pos++;
                c = text.charAt(pos);
            }
            if (c == '\n') {
                line++;
            }
            word.append(c);
            pos++;
        }
        throw new ConfigException(file, openLine, "quoted value not closed (" + quote + " expected) in the statement"
                + " of line " + statementLine);
    }

    /** Skips blank lines and leading blanks; returns the line the next statement starts on. */
    private int skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                break;
            }
            pos++;
        }
        return line;
    }

    private String restOfLine() {
        int end = text.indexOf('\n', pos);
        return (end < 0 ? text.substring(pos) : text.substring(pos, end)).stripTrailing();
    }

    private void skipLine() {
        int end = text.indexOf('\n', pos);
        pos = end < 0 ? text.length() : end + 1;
        line++;
    }
}
