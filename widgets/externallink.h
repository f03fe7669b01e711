#pragma once

#include <QString>
#include <QUrl>

class QWidget;

namespace wf::links {

// Links that come from a server or a file — an alert's runbook_url and generatorURL, a Grafana
// panel's links, a runbook's — open only as http or https with a host, in the web browser, and
// only after the user has seen the whole address as plain text (a server chooses the text of a
// link, and rich text would let it show one address and open another).
bool isWebLink(const QUrl &url);

// Asks whether to open url in the web browser: lead (plain text, may be empty), then the whole
// address, encoded as it will be sent. True when the user says yes.
bool askToOpen(QWidget *parent, const QUrl &url, const QString &lead = {});

// Opens url in the web browser if it is a web link and the user says yes; a link of any other
// scheme is refused with a message that names it. True when it was opened.
bool openAfterAsking(QWidget *parent, const QUrl &url, const QString &lead = {});

} // namespace wf::links
