#include "fingerprint.h"

namespace wf {

QString alertFingerprint(const QMap<QString, QString> &labels)
{
    constexpr quint64 kOffset = 14695981039346656037ULL;
    constexpr quint64 kPrime = 1099511628211ULL;
    quint64 hash = kOffset;
    const auto add = [&hash](const QByteArray &bytes) {
        for (const char c : bytes) {
            hash ^= quint64(quint8(c));
            hash *= kPrime;
        }
    };
    const auto separator = [&hash] {
        hash ^= 0xffU;
        hash *= kPrime;
    };
    // QMap iterates in key order: Go's sort of the label names (byte order) for ASCII names.
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        add(it.key().toUtf8());
        separator();
        add(it.value().toUtf8());
        separator();
    }
    return QStringLiteral("%1").arg(hash, 16, 16, QLatin1Char('0'));
}

} // namespace wf
