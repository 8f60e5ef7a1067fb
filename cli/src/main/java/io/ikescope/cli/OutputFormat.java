package io.ikescope.cli;

/** Values of {@code --format}; {@link #HTML} is for {@code diagnose} only. */
enum OutputFormat {
    TEXT, JSON, HTML
}
