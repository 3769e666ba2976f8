/** An ASCII comma, semicolon, colon or parenthesis next to a Chinese character: Chinese text takes the full-width ones. */
export const ASCII_PUNCTUATION_BESIDE_HAN = /[\p{Script=Han}][,;:()]|[,;:()][\p{Script=Han}]/u;
