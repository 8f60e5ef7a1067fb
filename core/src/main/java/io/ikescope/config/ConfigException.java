package io.ikescope.config;

/** A configuration that cannot be read: names the file, the line and what was expected. */
public class ConfigException extends Exception {
    private final String file;
    private final int line;

    public ConfigException(String file, int line, String problem) {
        super(line > 0 ? file + " line " + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
