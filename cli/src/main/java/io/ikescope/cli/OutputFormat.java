package io.ikescope.cli;

/** Values of {@code --format}. */
enum OutputFormat {
    TEXT, JSON
}
