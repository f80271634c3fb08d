package dev.rehearse.bind;

import java.util.List;

/**
 * An encoding that spells bytes as characters of {@code bitsPerChar} bits each (hex, base32, base64), seen from
 * inside: a command rarely encodes a secret alone ({@code echo -n "user:$PW" | base64}, the HTTP Basic-auth header),
 * and what it prints of the secret then depends on how many bytes came before it.
 */
record RadixEncoding(String alphabet, int bitsPerChar) {
    static final RadixEncoding HEX = new RadixEncoding("0123456789abcdef", 4);
    static final RadixEncoding HEX_UPPER = new RadixEncoding("0123456789ABCDEF", 4);
    static final RadixEncoding BASE32 = new RadixEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5);
    static final RadixEncoding BASE64 =
            new RadixEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 6);
    static final RadixEncoding BASE64_URL =
            new RadixEncoding("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 6);
    static final List<RadixEncoding> ALL = List.of(HEX, HEX_UPPER, BASE32, BASE64, BASE64_URL);

    /**
     * The places a value can start at, in bytes after the start of a character group: 3 for base64 (three bytes make
     * four characters), 5 for base32, 1 for hex (every byte is two characters of its own).
     */
    int alignments() {
        int bits = 8;
        while (bits % bitsPerChar != 0) {
            bits += 8;
        }
        return bits / 8;
    }

    /**
     * The characters of the encoding of {@code bytesBefore} bytes, then {@code value}, then anything, that depend on
     * {@code value}'s bits alone: the same whatever the bytes around it are (a user name, {@code echo}'s newline,
     * padding).
     */
    String inside(byte[] value, int bytesBefore) {
        int firstBit = 8 * bytesBefore;
        int endBit = firstBit + 8 * value.length;
        StringBuilder spelled = new StringBuilder();
        for (int c = (firstBit + bitsPerChar - 1) / bitsPerChar; (c + 1) * bitsPerChar <= endBit; c++) {
            int digit = 0;
            for (int bit = c * bitsPerChar; bit < (c + 1) * bitsPerChar; bit++) {
                int at = bit - firstBit;
                digit = digit << 1 | (value[at / 8] >> (7 - at % 8)) & 1;
            }
            spelled.append(alphabet.charAt(digit));
        }
        return spelled.toString();
    }
}
