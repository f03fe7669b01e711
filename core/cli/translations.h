#pragma once

#include <QString>

namespace wf {

// Installs the console's translation (embedded under :/i18n) and Qt's own for the language,
// or for the system locale when language is empty. Returns the language in use ("en" when none matched).
QString installTranslations(const QString &language);

} // namespace wf
