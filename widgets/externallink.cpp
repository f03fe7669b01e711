#include "externallink.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QMessageBox>

namespace wf::links {
namespace {

class LinkText
{
    Q_DECLARE_TR_FUNCTIONS(wf::links)
};

} // namespace

bool isWebLink(const QUrl &url)
{
    const auto scheme = url.scheme(); // QUrl keeps schemes in lower case
    return url.isValid() && (scheme == u"http" || scheme == u"https") && !url.host().isEmpty();
}

bool askToOpen(QWidget *parent, const QUrl &url, const QString &lead)
{
    QMessageBox box(QMessageBox::Question, LinkText::tr("Open link"), QString(), QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("openLinkQuestion"));
    box.setTextFormat(Qt::PlainText);
    const auto address = QString::fromUtf8(url.toEncoded());
    box.setText((lead.isEmpty() ? QString() : lead + QStringLiteral("\n\n"))
                + LinkText::tr("Open this address in your web browser?\n\n%1").arg(address));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

bool openAfterAsking(QWidget *parent, const QUrl &url, const QString &lead)
{
    if (!isWebLink(url)) {
        QMessageBox box(QMessageBox::Information, LinkText::tr("Link not opened"), QString(), QMessageBox::Ok, parent);
        box.setObjectName(QStringLiteral("linkRefused"));
        box.setTextFormat(Qt::PlainText);
        box.setText(LinkText::tr("Only http and https links open from here; this one is “%1”:\n\n%2")
                        .arg(url.scheme().isEmpty() ? LinkText::tr("without a scheme") : url.scheme(),
                             QString::fromUtf8(url.toEncoded())));
        box.exec();
        return false;
    }
    if (!askToOpen(parent, url, lead))
        return false;
    return QDesktopServices::openUrl(url);
}

} // namespace wf::links
