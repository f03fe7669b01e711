#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace wf {

QString installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto *app = QCoreApplication::instance();
    // English plural forms under every language: a string the language's file lacks, or English
    // itself, reads "1 point" and "2 points", not "point(s)".
    auto *plurals = new QTranslator(app);
    if (plurals->load(QStringLiteral(":/i18n/watchfloor_en.qm")))
        QCoreApplication::installTranslator(plurals);
    else
        delete plurals;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("watchfloor"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale.name().section(u'_', 0, 0);
}

} // namespace wf
