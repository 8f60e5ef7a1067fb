package io.ikescope.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Path options and parameters as picocli's own converter reads them ({@code Paths.get(value)}, the same message when
 * the text is no path), without its reflective call: the first {@code Method.invoke} of a run makes the JDK build a
 * method handle accessor, about 5 ms of a small run ({@code -o FILE}).
 */
final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("cannot convert '" + value + "' to " + Path.class + " (" + e + ")");
        }
    }
}
