package org.rekindle.journal.app.export;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain, readable A4 document: a title, headings, paragraphs that wrap and break across pages, and "page n of m"
 * footers. Text is set in Liberation Sans (shipped inside PDFBox, embedded as a subset), so accents, Greek and
 * Cyrillic print as written; a character the font lacks (an emoji, say) prints as "?" rather than failing the export.
 */
final class PdfWriter {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final Color INK = new Color(0x22, 0x2b, 0x33);
    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x5b);
    private static final Color MUTED = new Color(0x5c, 0x66, 0x70);

    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    PdfWriter(String title) {
        try (InputStream ttf = PdfWriter.class.getResourceAsStream(FONT)) {
            font = PDType0Font.load(document, ttf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Rekindle");
        newPage();
        write(title, 20, ACCENT, true, 0);
        y -= 6;
    }

    PdfWriter heading(String text) {
        y -= 14;
        keepRoomFor(60);
        write(text, 14, ACCENT, true, 0);
        y -= 2;
        return this;
    }

    PdfWriter subheading(String text) {
        y -= 6;
        keepRoomFor(40);
        write(text, 11, INK, true, 0);
        return this;
    }

    PdfWriter paragraph(String text) {
        write(text, 10.5f, INK, false, 0);
        return this;
    }

    /** Secondary text: dates, states, who read what. */
    PdfWriter note(String text) {
        write(text, 9, MUTED, false, 0);
        return this;
    }

    /** Text the client wrote, set off from the labels around it. */
    PdfWriter quote(String text) {
        write(text, 10.5f, INK, false, 14);
        y -= 3;
        return this;
    }

    byte[] finish() {
        try (document) {
            page.close();
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer = new PDPageContentStream(document, document.getPage(i),
                                                                          PDPageContentStream.AppendMode.APPEND,
                                                                          true)) {
                    footer.beginText();
                    footer.setFont(font, 8);
                    footer.setNonStrokingColor(MUTED);
                    footer.newLineAtOffset(MARGIN, 30);
                    footer.showText("Rekindle · page " + (i + 1) + " of " + total);
                    footer.endText();
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float size, Color color, boolean strong, float indent) {
        float leading = size * 1.35f;
        for (String line : wrap(printableText(text), size, WIDTH - indent)) {
            keepRoomFor(leading);
            y -= leading;
            try {
                page.beginText();
                page.setFont(font, size);
                page.setNonStrokingColor(color);
                page.setStrokingColor(color);
                page.setRenderingMode(strong ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                page.setLineWidth(strong ? 0.35f : 0);
                page.newLineAtOffset(MARGIN + indent, y);
                page.showText(line);
                page.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                for (String piece : fitting(word, size, width)) {
                    String candidate = line.length() == 0 ? piece : line + " " + piece;
                    if (width(candidate, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                    } else {
                        lines.add(line.toString());
                        line.setLength(0);
                        line.append(piece);
                    }
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** A word wider than the line is cut into pieces that fit. */
    private List<String> fitting(String word, float size, float width) {
        List<String> pieces = new ArrayList<>();
        String rest = word;
        while (width(rest, size) > width) {
            int cut = rest.length() - 1;
            while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                cut--;
            }
            pieces.add(rest.substring(0, cut));
            rest = rest.substring(cut);
        }
        pieces.add(rest);
        return pieces;
    }

    private float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String printableText(String text) {
        StringBuilder out = new StringBuilder();
        (text == null ? "" : text).replace("\r\n", "\n").codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else {
                out.append(printable.computeIfAbsent(cp, this::hasGlyph) ? Character.toString(cp) : "?");
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private void keepRoomFor(float height) {
        if (y - height < MARGIN + 20) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void newPage() {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        try {
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }
}
