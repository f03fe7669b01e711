#include "runbookbrowser.h"

namespace wf {

RunbookBrowser::RunbookBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false); // the owner decides: another runbook, an action, or the browser after asking
    setOpenExternalLinks(false);
}

void RunbookBrowser::setImage(const QUrl &url, const QImage &image)
{
    m_images.insert(url, image);
}

void RunbookBrowser::clearImages()
{
    m_images.clear();
}

QVariant RunbookBrowser::loadResource(int type, const QUrl &name)
{
    if (type == QTextDocument::ImageResource) {
        if (const auto it = m_images.constFind(name); it != m_images.cend())
            return *it;
    }
    if (!m_refused.contains(name)) {
        m_refused.append(name);
        emit resourceRefused(name);
    }
    // Something rather than nothing: an empty answer would let the document try the file system.
    if (type == QTextDocument::ImageResource) {
        QImage none(1, 1, QImage::Format_ARGB32);
        none.fill(Qt::transparent);
        return none;
    }
    return QString();
}

} // namespace wf
