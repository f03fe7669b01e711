#include "textprefilter.h"

#include <QtAlgorithms>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace wf {
namespace {

constexpr int kMinLiteral = 3;

bool isMeta(QChar c)
{
    return QStringView(u"\\^$.|?*+()[]{}").contains(c);
}

bool isQuantifier(QChar c)
{
    return c == u'?' || c == u'*' || c == u'+' || c == u'{';
}

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
}

bool hasNonAscii(QByteArrayView bytes)
{
    // Eight bytes at a time: any high bit set.
    const char *p = bytes.data();
    const char *end = p + bytes.size();
    for (; end - p >= 8; p += 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        if (word & 0x8080808080808080ULL)
            return true;
    }
    for (; p < end; ++p)
        if (static_cast<unsigned char>(*p) & 0x80)
            return true;
    return false;
}

bool equalCaseless(const unsigned char *text, const unsigned char *lowerNeedle, qsizetype n)
{
    for (qsizetype k = 0; k < n; ++k)
        if (lower(char(text[k])) != char(lowerNeedle[k]))
            return false;
    return true;
}

// Whether the lower-case ASCII needle (n ≥ 2) is in the text, ASCII case folded. With SSE2, sixteen
// places at a time: where the first byte and the last byte both fit, the middle is compared.
bool findCaseless(const unsigned char *hay, qsizetype size, const unsigned char *needle, qsizetype n)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const auto upper = [](unsigned char c) { return char((c >= 'a' && c <= 'z') ? c - 'a' + 'A' : c); };
    const __m128i first = _mm_set1_epi8(char(needle[0]));
    const __m128i firstUpper = _mm_set1_epi8(upper(needle[0]));
    const __m128i last = _mm_set1_epi8(char(needle[n - 1]));
    const __m128i lastUpper = _mm_set1_epi8(upper(needle[n - 1]));
    for (; i + n - 1 + 16 <= size; i += 16) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(hay + i + n - 1));
        const __m128i atFirst = _mm_or_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(a, firstUpper));
        const __m128i atLast = _mm_or_si128(_mm_cmpeq_epi8(b, last), _mm_cmpeq_epi8(b, lastUpper));
        for (unsigned mask = unsigned(_mm_movemask_epi8(_mm_and_si128(atFirst, atLast))); mask; mask &= mask - 1)
            if (equalCaseless(hay + i + qCountTrailingZeroBits(mask) + 1, needle + 1, n - 2))
                return true;
    }
#endif
    for (; i + n <= size; ++i)
        if (lower(char(hay[i])) == char(needle[0]) && equalCaseless(hay + i + 1, needle + 1, n - 1))
            return true;
    return false;
}

} // namespace

QString TextPrefilter::requiredLiteral(const QString &regex)
{
    if (regex.contains(u'|'))
        return {}; // an alternation: no single text every match needs
    QString literal;
    qsizetype i = regex.startsWith(u'^') ? 1 : 0;
    while (i < regex.size()) {
        const QChar c = regex.at(i);
        QChar literalChar;
        qsizetype next = i + 1;
        if (c == u'\\') {
            if (i + 1 >= regex.size())
                break;
            const QChar e = regex.at(i + 1);
            if (e.isLetterOrNumber())
                break; // \d \w \b \x41 \1 …: not a plain character
            literalChar = e;
            next = i + 2;
        } else if (isMeta(c)) {
            break;
        } else {
            literalChar = c;
        }
        // "ab?" needs only "a"; "ab{2}" only "a".
        if (next < regex.size() && isQuantifier(regex.at(next)))
            break;
        literal.append(literalChar);
        i = next;
    }
    return literal;
}

TextPrefilter::TextPrefilter(const QString &pattern, bool regex, bool caseSensitive)
    : m_caseSensitive(caseSensitive)
{
    const auto text = regex ? requiredLiteral(pattern) : pattern;
    if (text.size() < kMinLiteral)
        return;
    m_literal = text.toUtf8();
    if (!caseSensitive) {
        if (hasNonAscii(m_literal)) {
            m_literal.clear(); // folding non-ASCII text is the regex's business
            return;
        }
        for (auto &c : m_literal)
            c = lower(c);
    }
    m_foldsBeyondAscii = !caseSensitive && (m_literal.contains('k') || m_literal.contains('s'));
}

bool TextPrefilter::mayMatch(QByteArrayView utf8) const
{
    if (m_literal.isEmpty())
        return true;
    const auto n = m_literal.size();
    if (utf8.size() < n)
        return false;
    if (m_caseSensitive)
        return utf8.contains(QByteArrayView(m_literal));
    const auto *hay = reinterpret_cast<const unsigned char *>(utf8.data());
    const auto *needle = reinterpret_cast<const unsigned char *>(m_literal.constData());
    if (findCaseless(hay, utf8.size(), needle, n))
        return true;
    // PCRE2 folds two ASCII letters onto characters beyond ASCII (k: the Kelvin sign; s: the long
    // s): with one of them in the text, a line with such bytes goes to the regex.
    return m_foldsBeyondAscii && hasNonAscii(utf8);
}

} // namespace wf
