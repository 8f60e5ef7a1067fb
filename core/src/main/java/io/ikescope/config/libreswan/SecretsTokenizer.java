package io.ikescope.config.libreswan;

import io.ikescope.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits ipsec.secrets into records of tokens as secrets.c does: a record begins with a token in the first column
 * and takes in the indented lines after it; tokens are separated by blanks, {@code "..."} or {@code '...'} quote one;
 * {@code #} at the start of a line or after a blank starts a comment; a ':' ending a token is a token of its own.
 * Error messages name the line, never a token (which may be a secret).
 */
final class SecretsTokenizer {

    /** A token and the line it is on; {@code quoted} when it was written in quotes. */
    record Token(String text, boolean quoted, int line) {
    }

    /** Bounds one record (an RSA key block is some 20 lines of a few tokens). */
    private static final int MAX_TOKENS = 4096;

    private final String file;
    private final List<String> lines;
    private int next;

    SecretsTokenizer(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** The next record's tokens, or null at the end of the file. */
    List<Token> nextRecord() throws ConfigException {
        List<Token> record = new ArrayList<>();
        while (next < lines.size()) {
            String line = lines.get(next);
            boolean continuation = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            List<Token> tokens = tokens(line, next + 1);
            if (tokens.isEmpty()) {
                next++;
                continue;
            }
            if (!continuation && !record.isEmpty()) {
                return record; // this line begins the next record
            }
            if (continuation && record.isEmpty()) {
                throw new ConfigException(file, next + 1, "an indented line continues no record (a record starts "
                        + "in the first column)");
            }
            record.addAll(tokens);
            if (record.size() > MAX_TOKENS) {
                throw new ConfigException(file, next + 1, "record longer than " + MAX_TOKENS + " tokens");
            }
            next++;
        }
        return record.isEmpty() ? null : record;
    }

    private List<Token> tokens(String line, int number) throws ConfigException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                break;
            } else if (c == '"' || c == '\'') {
                int end = line.indexOf(c, i + 1);
                if (end < 0) {
                    throw new ConfigException(file, number, "unterminated quoted string");
                }
                out.add(new Token(line.substring(i + 1, end), true, number));
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && !Character.isWhitespace(line.charAt(end))
                        && line.charAt(end) != '"' && line.charAt(end) != '\'') {
                    end++;
                }
                String word = line.substring(i, end);
                if (word.length() > 1 && word.startsWith(":")) {
                    out.add(new Token(":", false, number));
                    word = word.substring(1);
                }
                if (word.length() > 1 && word.endsWith(":")) {
                    out.add(new Token(word.substring(0, word.length() - 1), false, number));
                    out.add(new Token(":", false, number));
                } else {
                    out.add(new Token(word, false, number));
                }
                i = end;
            }
        }
        return out;
    }
}
