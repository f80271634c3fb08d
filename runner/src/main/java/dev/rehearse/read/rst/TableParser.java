package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Grid and simple tables (docutils' {@code tableparser} plus the isolation step of its Body state): where a table
 * ends, and its cells, each a block of lines parsed as body elements.
 */
final class TableParser {

    private TableParser() {
    }

    static final char PAD = '\0';
    private static final Pattern GRID_HEAD_BODY_SEPARATOR = Pattern.compile("\\+=[=+]+=\\+ *$");
    private static final Pattern SIMPLE_HEAD_BODY_SEPARATOR = Pattern.compile("=[ =]*$");
    private static final Pattern SPAN = Pattern.compile("-[ -]*$");

    /** A table that does not parse. */
    static final class MalformedTable extends Exception {
        final int offset;

        MalformedTable(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    /** One cell: rows and columns it spans beyond its own, line offset in the table, its text. */
    record Cell(int moreRows, int moreCols, int offset, LineList block) {
    }

    record Structure(List<Integer> columnWidths, List<List<Cell>> headRows, List<List<Cell>> bodyRows) {
    }

    /** The table's lines (null when malformed), the messages to place after it, whether a blank line follows. */
    record Isolated(LineList block, List<Node> messages, boolean blankFinish) {
    }

    // ------------------------------------------------------------------ isolation

    static Isolated isolateGrid(Body state) {
        StateMachine sm = state.sm;
        boolean blankFinish = true;
        List<Node> messages = new ArrayList<>();
        LineList block;
        try {
            block = sm.getTextBlock(true);
        } catch (LineList.UnexpectedIndentation e) {
            block = e.block;
            messages.add(state.memo.reportAt(Memo.ERROR, "indentation", "Unexpected indentation.",
                    new Memo.Position(e.source, e.line)));
            blankFinish = false;
        }
        block.disconnect();
        block.padDoubleWidth(PAD);
        int width = Py.len(Py.strip(block.get(0)));
        for (int i = 0; i < block.size(); i++) {
            block.set(i, Py.strip(block.get(i)));
            char first = block.get(i).isEmpty() ? ' ' : block.get(i).charAt(0);
            if (first != '+' && first != '|') {
                blankFinish = false;
                sm.previousLine(block.size() - i);
                block.truncate(i);
                break;
            }
        }
        if (!Body.GRID_TABLE_TOP.matcher(block.last()).lookingAt()) {
            blankFinish = false;
            boolean found = false;
            for (int i = block.size() - 2; i > 1; i--) {
                if (Body.GRID_TABLE_TOP.matcher(block.get(i)).lookingAt()) {
                    sm.previousLine(block.size() - i + 1);
                    block.truncate(i + 1);
                    found = true;
                    break;
                }
            }
            if (!found) {
                messages.add(state.malformedTable(block, "", 0));
                return new Isolated(null, messages, blankFinish);
            }
        }
        for (int i = 0; i < block.size(); i++) {
            String line = block.get(i);
            char last = line.isEmpty() ? ' ' : line.charAt(line.length() - 1);
            if (Py.len(line) != width || (last != '+' && last != '|')) {
                messages.add(state.malformedTable(block, "", 0));
                return new Isolated(null, messages, blankFinish);
            }
        }
        return new Isolated(block, messages, blankFinish);
    }

    static Isolated isolateSimple(Body state) {
        StateMachine sm = state.sm;
        int start = sm.lineOffset;
        LineList lines = sm.inputLines;
        int limit = lines.size() - 1;
        int topLength = Py.len(Py.strip(lines.get(start)));
        int found = 0;
        int foundAt = -1;
        int end = -1;
        int i = start + 1;
        while (i <= limit) {
            String line = lines.get(i);
            if (Body.SIMPLE_TABLE_BORDER.matcher(line).lookingAt()) {
                if (Py.len(Py.strip(line)) != topLength) {
                    sm.skipLines(i - start);
                    Node malformed = state.malformedTable(lines.slice(start, i + 1), "Bottom/header table border "
                            + "does not match top border.", 0);
                    return new Isolated(null, List.of(malformed), i == limit || Py.isBlank(lines.get(i + 1)));
                }
                found++;
                foundAt = i;
                if (found == 2 || i == limit || Py.isBlank(lines.get(i + 1))) {
                    end = i;
                    break;
                }
            }
            i++;
        }
        if (end < 0) {
            LineList block;
            String extra;
            if (found > 0) {
                extra = " or no blank line after table bottom";
                sm.skipLines(foundAt - start);
                block = lines.slice(start, foundAt + 1);
            } else {
                extra = "";
                sm.skipLines(i - start - 1);
                block = lines.slice(start);
            }
            Node malformed = state.malformedTable(block, "No bottom table border found" + extra + ".", 0);
            return new Isolated(null, List.of(malformed), extra.isEmpty());
        }
        sm.skipLines(end - start);
        LineList block = lines.slice(start, end + 1);
        block.padDoubleWidth(PAD);
        return new Isolated(block, List.of(), end == limit || Py.isBlank(lines.get(end + 1)));
    }

    // ------------------------------------------------------------------ grid tables

    static Structure parseGrid(LineList original) throws MalformedTable {
        LineList block = original.slice(0);
        block.disconnect();
        int headBodySep = findHeadBodySeparator(block, GRID_HEAD_BODY_SEPARATOR);
        int[][] chars = new int[block.size()][];
        // rows before each one that are not plain (a combining character, or one beyond the BMP): a cell whose rows
        // are all plain is cut by char offsets, where finding its columns walked each of its rows from the start
        int[] notPlainBefore = new int[block.size() + 1];
        for (int i = 0; i < block.size(); i++) {
            chars[i] = block.get(i).codePoints().toArray();
            notPlainBefore[i + 1] = notPlainBefore[i] + (LineList.plain(block.get(i)) ? 0 : 1);
        }
        return new GridParser(block, chars, notPlainBefore, headBodySep).parse();
    }

    private static int findHeadBodySeparator(LineList block, Pattern separator) throws MalformedTable {
        int sep = -1;
        int i = 0;
        for (; i < block.size(); i++) {
            String line = block.get(i);
            if (separator.matcher(line).lookingAt()) {
                if (sep > 0) {
                    throw new MalformedTable("Multiple head/body row separators (table lines " + (sep + 1) + " and "
                            + (i + 1) + "); only one allowed.", i);
                }
                sep = i;
                block.set(i, line.replace('=', '-'));
            }
        }
        if (sep == 0 || sep == block.size() - 1) {
            throw new MalformedTable("The head/body row separator may not be the first or last line of the table.",
                    i);
        }
        return sep;
    }

    private static final class GridParser {
        private final LineList block;
        private final int[][] chars;
        private final int[] notPlainBefore;
        private final int headBodySep;
        private final int bottom;
        private final int right;
        private final int[] done;
        private final List<int[]> cellBounds = new ArrayList<>();
        private final List<LineList> cellBlocks = new ArrayList<>();
        private final Map<Integer, List<Integer>> rowSeps = new TreeMap<>();
        private final Map<Integer, List<Integer>> colSeps = new TreeMap<>();

        GridParser(LineList block, int[][] chars, int[] notPlainBefore, int headBodySep) {
            this.block = block;
            this.chars = chars;
            this.notPlainBefore = notPlainBefore;
            this.headBodySep = headBodySep;
            this.bottom = block.size() - 1;
            this.right = chars[0].length - 1;
            this.done = new int[chars[0].length];
            Arrays.fill(done, -1);
            rowSeps.put(0, new ArrayList<>(List.of(0)));
            colSeps.put(0, new ArrayList<>(List.of(0)));
        }

        private int at(int row, int col) {
            int[] line = chars[row];
            if (col < 0 || col >= line.length) {
                throw new IndexOutOfBoundsException(col);
            }
            return line[col];
        }

        Structure parse() throws MalformedTable {
            // the corners still to look at, the top-most (then left-most) first, as docutils' sorted list gives them
            PriorityQueue<int[]> corners = new PriorityQueue<>(
                    (a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            corners.add(new int[] {0, 0});
            while (!corners.isEmpty()) {
                int[] corner = corners.poll();
                int top = corner[0];
                int left = corner[1];
                if (top == bottom || left == right || top <= done[left]) {
                    continue;
                }
                int[] result;
                try {
                    result = scanCell(top, left);
                } catch (IndexOutOfBoundsException e) {
                    throw new MalformedTable("Malformed table; parse incomplete.", 0);
                }
                if (result == null) {
                    continue;
                }
                int cellBottom = result[0];
                int cellRight = result[1];
                for (int col = left; col < cellRight; col++) {
                    done[col] = cellBottom - 1;
                }
                boolean plain = notPlainBefore[cellBottom] == notPlainBefore[top + 1];
                LineList cell = block.get2DBlock(top + 1, left + 1, cellBottom, cellRight, true, plain);
                cell.disconnect();
                cell.replaceAll(String.valueOf(PAD), "");
                cellBounds.add(new int[] {top, left, cellBottom, cellRight});
                cellBlocks.add(cell);
                corners.add(new int[] {top, cellRight});
                corners.add(new int[] {cellBottom, left});
            }
            for (int col = 0; col < right; col++) {
                if (done[col] != bottom - 1) {
                    throw new MalformedTable("Malformed table; parse incomplete.", 0);
                }
            }
            return structure();
        }

        /** {bottom, right} of the cell whose top left corner is here, or null; records separators. */
        private int[] scanCell(int top, int left) {
            Map<Integer, List<Integer>> newColSeps = new TreeMap<>();
            for (int i = left + 1; i <= right; i++) {
                int c = at(top, i);
                if (c == '+') {
                    newColSeps.computeIfAbsent(i, k -> new ArrayList<>()).add(top);
                    int[] down = scanDown(top, left, i, newColSeps);
                    if (down != null) {
                        return new int[] {down[0], i};
                    }
                } else if (c != '-') {
                    return null;
                }
            }
            return null;
        }

        private int[] scanDown(int top, int left, int right, Map<Integer, List<Integer>> colSepsSoFar) {
            Map<Integer, List<Integer>> newRowSeps = new TreeMap<>();
            for (int i = top + 1; i <= bottom; i++) {
                int c = at(i, right);
                if (c == '+') {
                    newRowSeps.computeIfAbsent(i, k -> new ArrayList<>()).add(right);
                    Map<Integer, List<Integer>> leftColSeps = new TreeMap<>();
                    Map<Integer, List<Integer>> upRowSeps = scanLeft(top, left, i, right, leftColSeps);
                    if (upRowSeps != null) {
                        merge(newRowSeps, upRowSeps);
                        merge(colSepsSoFar, leftColSeps);
                        merge(rowSeps, newRowSeps);
                        merge(colSeps, colSepsSoFar);
                        return new int[] {i};
                    }
                } else if (c != '|') {
                    return null;
                }
            }
            return null;
        }

        private Map<Integer, List<Integer>> scanLeft(int top, int left, int bottom, int right,
                                                     Map<Integer, List<Integer>> colSepsOut) {
            for (int i = right - 1; i > left; i--) {
                int c = at(bottom, i);
                if (c == '+') {
                    colSepsOut.computeIfAbsent(i, k -> new ArrayList<>()).add(bottom);
                } else if (c != '-') {
                    return null;
                }
            }
            if (at(bottom, left) != '+') {
                return null;
            }
            Map<Integer, List<Integer>> up = new TreeMap<>();
            for (int i = bottom - 1; i > top; i--) {
                int c = at(i, left);
                if (c == '+') {
                    up.computeIfAbsent(i, k -> new ArrayList<>()).add(left);
                } else if (c != '|') {
                    return null;
                }
            }
            return up;
        }

        private static void merge(Map<Integer, List<Integer>> into, Map<Integer, List<Integer>> from) {
            from.forEach((k, v) -> into.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        }

        private Structure structure() throws MalformedTable {
            List<Integer> rows = new ArrayList<>(rowSeps.keySet());
            List<Integer> cols = new ArrayList<>(colSeps.keySet());
            List<Integer> widths = new ArrayList<>();
            for (int i = 1; i < cols.size(); i++) {
                widths.add(cols.get(i) - cols.get(i - 1) - 1);
            }
            // each separator's place among the rows' or the columns' (a search of the list for each cell was quadratic)
            Map<Integer, Integer> rowOf = places(rows);
            Map<Integer, Integer> colOf = places(cols);
            Cell[][] grid = new Cell[rows.size() - 1][cols.size() - 1];
            for (int k = 0; k < cellBounds.size(); k++) {
                int[] b = cellBounds.get(k);
                int rowNum = rowOf.getOrDefault(b[0], -1);
                int colNum = colOf.getOrDefault(b[1], -1);
                if (rowNum < 0 || colNum < 0 || rowNum >= grid.length || colNum >= grid[0].length
                        || grid[rowNum][colNum] != null) {
                    throw new MalformedTable("Malformed table; parse incomplete.", 0);
                }
                grid[rowNum][colNum] = new Cell(rowOf.getOrDefault(b[2], -1) - rowNum - 1,
                        colOf.getOrDefault(b[3], -1) - colNum - 1, b[0] + 1, cellBlocks.get(k));
            }
            List<List<Cell>> all = new ArrayList<>();
            for (Cell[] row : grid) {
                all.add(Arrays.asList(row));
            }
            if (headBodySep > 0) {
                int head = rows.indexOf(headBodySep);
                return new Structure(widths, all.subList(0, head), all.subList(head, all.size()));
            }
            return new Structure(widths, List.of(), all);
        }

        private static Map<Integer, Integer> places(List<Integer> separators) {
            Map<Integer, Integer> places = new HashMap<>();
            for (int i = 0; i < separators.size(); i++) {
                places.putIfAbsent(separators.get(i), i);
            }
            return places;
        }
    }

    // ------------------------------------------------------------------ simple tables

    static Structure parseSimple(LineList original) throws MalformedTable {
        LineList block = original.slice(0);
        block.disconnect();
        block.set(0, block.get(0).replace('=', '-'));
        block.set(-1, block.last().replace('=', '-'));
        int headBodySep = findHeadBodySeparator(block, SIMPLE_HEAD_BODY_SEPARATOR);
        return new SimpleParser(block, headBodySep).parse();
    }

    private static final class SimpleParser {
        private final LineList block;
        private final int headBodySep;
        private List<int[]> columns = new ArrayList<>();
        private int borderEnd;
        private final List<List<Cell>> table = new ArrayList<>();

        SimpleParser(LineList block, int headBodySep) {
            this.block = block;
            this.headBodySep = headBodySep;
        }

        Structure parse() throws MalformedTable {
            columns = parseColumns(block.get(0), 0);
            borderEnd = columns.get(columns.size() - 1)[1];
            int firstStart = columns.get(0)[0];
            int firstEnd = columns.get(0)[1];
            int offset = 1;
            int start = 1;
            boolean textFound = false;
            while (offset < block.size()) {
                String line = block.get(offset);
                if (SPAN.matcher(line).lookingAt()) {
                    parseRow(block.slice(start, offset), start, Py.rstrip(line), offset);
                    start = offset + 1;
                    textFound = false;
                } else if (!Py.isBlank(LineList.cpSlice(line, firstStart, firstEnd))) {
                    if (textFound && offset != start) {
                        parseRow(block.slice(start, offset), start, null, 0);
                    }
                    start = offset;
                    textFound = true;
                } else if (!textFound) {
                    start = offset + 1;
                }
                offset++;
            }
            List<Integer> widths = new ArrayList<>();
            for (int[] c : columns) {
                widths.add(c[1] - c[0]);
            }
            int firstBodyRow = 0;
            if (headBodySep > 0) {
                for (int i = 0; i < table.size(); i++) {
                    if (table.get(i).get(0).offset() > headBodySep) {
                        firstBodyRow = i;
                        break;
                    }
                }
            }
            return new Structure(widths, table.subList(0, firstBodyRow), table.subList(firstBodyRow, table.size()));
        }

        private List<int[]> parseColumns(String line, int offset) throws MalformedTable {
            List<int[]> cols = new ArrayList<>();
            int end = 0;
            while (true) {
                int begin = line.indexOf('-', end);
                end = begin < 0 ? -1 : line.indexOf(' ', begin);
                if (begin < 0) {
                    break;
                }
                if (end < 0) {
                    end = line.length();
                }
                cols.add(new int[] {begin, end});
            }
            if (!columns.isEmpty()) {
                if (cols.get(cols.size() - 1)[1] != borderEnd) {
                    throw new MalformedTable("Column span incomplete in table line " + (offset + 1) + ".", offset);
                }
                cols.set(cols.size() - 1, new int[] {cols.get(cols.size() - 1)[0],
                        columns.get(columns.size() - 1)[1]});
            }
            return cols;
        }

        private void parseRow(LineList lines, int start, String spanLine, int spanOffset) throws MalformedTable {
            if (lines.isEmpty() && spanLine == null) {
                return;
            }
            List<int[]> rowColumns = spanLine != null ? parseColumns(spanLine, spanOffset) : copy(columns);
            checkColumns(lines, start, rowColumns);
            List<Cell> row = new ArrayList<>();
            int i = 0;
            for (int[] col : rowColumns) {
                int moreCols = 0;
                if (i >= columns.size() || col[0] != columns.get(i)[0]) {
                    throw new MalformedTable("Column span alignment problem in table line " + (start + 2) + ".",
                            start + 1);
                }
                while (col[1] != columns.get(i)[1]) {
                    i++;
                    moreCols++;
                    if (i >= columns.size()) {
                        throw new MalformedTable("Column span alignment problem in table line " + (start + 2)
                                + ".", start + 1);
                    }
                }
                LineList cell = lines.get2DBlock(0, col[0], lines.size(), col[1], true);
                cell.disconnect();
                cell.replaceAll(String.valueOf(PAD), "");
                row.add(new Cell(0, moreCols, start, cell));
                i++;
            }
            table.add(row);
        }

        private static List<int[]> copy(List<int[]> cols) {
            List<int[]> out = new ArrayList<>();
            for (int[] c : cols) {
                out.add(c.clone());
            }
            return out;
        }

        private void checkColumns(LineList lines, int firstLine, List<int[]> cols) throws MalformedTable {
            int lastCol = cols.size() - 1;
            for (int i = 0; i < cols.size(); i++) {
                int start = cols.get(i)[0];
                int end = cols.get(i)[1];
                int nextStart = i + 1 < cols.size() ? cols.get(i + 1)[0] : Integer.MAX_VALUE;
                for (int k = 0; k < lines.size(); k++) {
                    String line = stripCombining(lines.get(k));
                    if (i == lastCol && !Py.isBlank(LineList.cpSlice(line, end, Integer.MAX_VALUE))) {
                        String text = Py.rstrip(LineList.cpSlice(line, start, Integer.MAX_VALUE));
                        int newEnd = start + Py.len(text);
                        int[] main = columns.get(columns.size() - 1);
                        cols.set(i, new int[] {start, Math.max(main[1], newEnd)});
                        if (newEnd > main[1]) {
                            columns.set(columns.size() - 1, new int[] {main[0], newEnd});
                        }
                    } else if (!Py.isBlank(LineList.cpSlice(line, end, nextStart))) {
                        throw new MalformedTable("Text in column margin in table line " + (firstLine + k + 1) + ".",
                                firstLine + k);
                    }
                }
            }
        }

        private static String stripCombining(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().filter(c -> !UnicodeTables.isCombining(c)).forEach(b::appendCodePoint);
            return b.toString();
        }
    }
}
