#include "panelformat.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace wf::dashboards {

QString formatValue(double value, Unit unit, int decimals)
{
    if (std::isnan(value))
        return QCoreApplication::translate("wf::dashboards", "no data");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    const QLocale locale;
    const auto number = [&](double v, int autoDecimals) {
        const int d = decimals >= 0 ? decimals : autoDecimals;
        return locale.toString(v, 'f', d);
    };
    const double a = std::abs(value);
    const int autoDecimals = a == 0 ? 0 : a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
    switch (unit) {
    case Unit::Seconds:
        if (a > 0 && a < 1)
            return number(value * 1000, a * 1000 >= 100 ? 0 : 1) + QStringLiteral(" ms");
        if (a >= 7200)
            return number(value / 3600, 1) + QStringLiteral(" h");
        if (a >= 120)
            return number(value / 60, 1) + QStringLiteral(" min");
        return number(value, autoDecimals) + QStringLiteral(" s");
    case Unit::Minutes:
        return number(value, a >= 100 ? 0 : 1) + QStringLiteral(" min");
    case Unit::Milliseconds:
        if (a >= 1000)
            return number(value / 1000, 2) + QStringLiteral(" s");
        return number(value, a >= 10 ? 0 : 1) + QStringLiteral(" ms");
    case Unit::Percent:
        return number(value, decimals >= 0 ? decimals : (a >= 99 && a < 100 ? 2 : autoDecimals)) + QStringLiteral(" %");
    case Unit::OpsPerSecond:
        return number(value, autoDecimals) + QStringLiteral(" ops/s");
    case Unit::Count:
        return number(value, std::abs(value - std::round(value)) < 1e-9 ? 0 : autoDecimals);
    case Unit::PercentUnit:
        return number(value * 100, decimals >= 0 ? decimals : (a >= 0.99 && a < 1 ? 2 : a * 100 >= 100 ? 0 : a * 100 >= 10 ? 1 : 2))
            + QStringLiteral(" %");
    case Unit::Bytes:
    case Unit::BytesPerSecond:
    case Unit::BitsPerSecond: {
        // Bytes in IEC multiples (as Grafana's "bytes"), bits per second in SI ones ("bps").
        const bool bits = unit == Unit::BitsPerSecond;
        static const char *const kBytes[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        static const char *const kBits[] = {"b", "kb", "Mb", "Gb", "Tb", "Pb"};
        const double base = bits ? 1000 : 1024;
        int i = 0;
        double v = value;
        while (std::abs(v) >= base && i < 5) {
            v /= base;
            ++i;
        }
        const double av = std::abs(v);
        const auto suffix = QString::fromLatin1(bits ? kBits[i] : kBytes[i]) + (unit == Unit::Bytes ? QString() : QStringLiteral("/s"));
        return number(v, i == 0 ? 0 : av >= 100 ? 0 : av >= 10 ? 1 : 2) + QLatin1Char(' ') + suffix;
    }
    case Unit::None:
        break;
    }
    return number(value, autoDecimals);
}

QString formatLegend(const QString &legendTemplate, const Labels &labels)
{
    if (legendTemplate.isEmpty()) {
        QStringList parts;
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            if (it.key() != QLatin1String("__name__"))
                parts.append(QStringLiteral("%1=\"%2\"").arg(it.key(), it.value()));
        const auto name = labels.value(QStringLiteral("__name__"));
        if (parts.isEmpty())
            return name.isEmpty() ? QStringLiteral("value") : name;
        return name + QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{\\{\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(legendTemplate); it.hasNext();) {
        const auto m = it.next();
        out += legendTemplate.mid(last, m.capturedStart() - last);
        out += labels.value(m.captured(1));
        last = m.capturedEnd();
    }
    out += legendTemplate.mid(last);
    return out.trimmed().isEmpty() ? QStringLiteral("value") : out.trimmed();
}

QString thresholdColor(const QList<Threshold> &thresholds, double value)
{
    QString color;
    if (!std::isfinite(value) && !std::isinf(value))
        return color;
    for (const auto &t : thresholds)
        if (value >= t.value)
            color = t.color;
    return color;
}

QString mappedText(const QList<ValueMapping> &mappings, double value)
{
    for (const auto &m : mappings)
        if (std::abs(m.value - value) < 1e-9)
            return QCoreApplication::translate("Dashboard", m.text.toUtf8().constData());
    return {};
}

} // namespace wf::dashboards
