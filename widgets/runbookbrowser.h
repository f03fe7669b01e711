#pragma once

#include <QHash>
#include <QImage>
#include <QTextBrowser>

namespace wf {

// Shows rendered Markdown and never fetches anything: images come only from what the owner adds
// (setImage); any other resource — a remote image, a stylesheet, a local file — is refused and
// counted, so that reading a runbook cannot reach the network.
class RunbookBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    explicit RunbookBrowser(QWidget *parent = nullptr);

    void setImage(const QUrl &url, const QImage &image);
    void clearImages();
    QList<QUrl> refusedResources() const { return m_refused; }
    void clearRefused() { m_refused.clear(); }

    QVariant loadResource(int type, const QUrl &name) override;

signals:
    void resourceRefused(const QUrl &url);

private:
    QHash<QUrl, QImage> m_images;
    QList<QUrl> m_refused;
};

} // namespace wf
