package io.ikescope.cli.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.TemplateOutput;
import gg.jte.output.WriterOutput;
import io.ikescope.correlation.CaptureCorrelation;
import io.ikescope.diagnosis.Diagnosis;
import io.ikescope.report.DiagnoseWriter;
import io.ikescope.report.InputSummary;
import io.ikescope.report.SpillBuffer;
import io.ikescope.session.Negotiation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code diagnose --format html}: one self-contained page (inline CSS, no script, no external resource) with a
 * summary table, then per negotiation its verdict, ladder, phases and findings, then the inputs. The templates
 * (src/main/jte) are compiled with the module, so only jte's runtime is needed; jte escapes every value for HTML.
 * The page is XHTML-compatible HTML5, so an XML parser reads it too.
 *
 * <p>Each negotiation's section is rendered when the negotiation arrives into a buffer that spills to a temporary
 * file past 8 MiB; only the summary rows stay in memory. The page is written on {@link #close()}, when the summary
 * (which goes first) and the inputs are complete.
 */
public final class HtmlDiagnoseWriter implements DiagnoseWriter {
    /** Where the jte plugin generates the template classes (cli/pom.xml, packageName). */
    static final String TEMPLATE_PACKAGE = "io.ikescope.cli.html.templates";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlDiagnoseWriter.class.getClassLoader(), TEMPLATE_PACKAGE);
    private static final int MEMORY_LIMIT = 8 << 20;

    private final Writer out;
    private final String generator;
    private final SpillBuffer sections = new SpillBuffer(MEMORY_LIMIT);
    private final List<Views.SummaryRow> rows = new ArrayList<>();
    private final List<Views.Input> inputs = new ArrayList<>();
    private int established;
    private boolean closed;

    /** @param generator the program and version named in the page ("ikescope 0.1.0") */
    public HtmlDiagnoseWriter(Writer out, String generator) {
        this.out = out;
        this.generator = generator;
    }

    public HtmlDiagnoseWriter(OutputStream out, String generator) {
        this(new OutputStreamWriter(out, StandardCharsets.UTF_8), generator);
    }

    @Override
    public void negotiation(Negotiation negotiation, Diagnosis diagnosis) throws IOException {
        negotiation(negotiation, diagnosis, null);
    }

    @Override
    public void negotiation(Negotiation negotiation, Diagnosis diagnosis, CaptureCorrelation correlation)
            throws IOException {
        rows.add(NegotiationViews.summary(negotiation, diagnosis));
        if (diagnosis.established()) {
            established++;
        }
        render("negotiation.jte", NegotiationViews.negotiation(negotiation, diagnosis, correlation), sections);
    }

    @Override
    public void input(InputSummary input) {
        inputs.add(NegotiationViews.input(input));
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            String totals = rows.isEmpty() ? "No IKE negotiation found."
                    : rows.size() + " negotiation" + (rows.size() > 1 ? "s" : "") + ", " + established + " established.";
            Views.Page page = new Views.Page("ikescope diagnosis", generator, rows, this::copySections, inputs, totals);
            render("page.jte", page, out);
            out.flush();
        } finally {
            sections.close();
        }
    }

    /** The sections rendered so far, already HTML: written as template content, not escaped again. */
    private void copySections(TemplateOutput output) {
        try {
            sections.copyTo(new Writer() {
                @Override
                public void write(char[] chars, int offset, int length) {
                    output.writeContent(new String(chars, offset, length));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void render(String template, Object model, Writer target) throws IOException {
        try {
            ENGINE.render(template, model, new WriterOutput(target));
        } catch (TemplateException e) {
            // the writer's IOException (a closed pipe, a full disk) surfaces as itself; anything else is a bug
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
    }
}
