package dev.rehearse.read.rst;

import java.util.regex.Pattern;

/** Roman numerals as docutils' {@code roman} module reads and writes them (enumerated lists). */
final class Roman {

    private static final Pattern VALID = Pattern.compile("^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$");
    private static final int[] VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] NUMERALS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private Roman() {
    }

    /** The value of an upper-case numeral, or null when it is not a valid one. */
    static Integer fromRoman(String s) {
        if (s.isEmpty() || !VALID.matcher(s).matches()) {
            return null;
        }
        int result = 0;
        int index = 0;
        for (int i = 0; i < VALUES.length; i++) {
            while (s.startsWith(NUMERALS[i], index)) {
                result += VALUES[i];
                index += NUMERALS[i].length();
            }
        }
        return result;
    }

    /** The upper-case numeral for 1..4999, or null outside that range. */
    static String toRoman(int n) {
        if (n <= 0 || n >= 5000) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < VALUES.length; i++) {
            while (n >= VALUES[i]) {
                b.append(NUMERALS[i]);
                n -= VALUES[i];
            }
        }
        return b.toString();
    }
}
