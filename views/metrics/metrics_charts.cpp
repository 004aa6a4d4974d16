#include "metrics/metrics_charts.h"

#include "metrics/qcustomplot_header.h"

#include <cmath>

#include "metrics/metric_values.h"

namespace panocast {
namespace {

void resetPlot(QCustomPlot* plot, const QString& title) {
  plot->clearPlottables();
  plot->clearGraphs();
  plot->clearItems();
  if (plot->plotLayout()->rowCount() > 1) plot->plotLayout()->removeAt(0), plot->plotLayout()->simplify();
  plot->plotLayout()->insertRow(0);
  auto* text = new QCPTextElement(plot, title, QFont(plot->font().family(), plot->font().pointSize() + 1, QFont::Bold));
  plot->plotLayout()->addElement(0, 0, text);
  plot->legend->setVisible(false);
  plot->setBackground(plot->palette().color(QPalette::Base));
  for (auto* axis : {plot->xAxis, plot->yAxis}) {
    axis->setBasePen(QPen(plot->palette().color(QPalette::Text)));
    axis->setTickPen(QPen(plot->palette().color(QPalette::Text)));
    axis->setSubTickPen(QPen(plot->palette().color(QPalette::Text)));
    axis->setTickLabelColor(plot->palette().color(QPalette::Text));
    axis->setLabelColor(plot->palette().color(QPalette::Text));
  }
  text->setTextColor(plot->palette().color(QPalette::Text));
}

}  // namespace

QColor methodColor(const QString& method) {
  if (method == "independent") return QColor(150, 150, 160);
  if (method == "caa") return QColor(52, 120, 220);
  if (method == "multidiffusion") return QColor(230, 140, 40);
  if (method == "shared-attention") return QColor(60, 170, 100);
  return QColor::fromHsv(int(qHash(method) % 360), 150, 200);
}

void plotHeadlineMetric(QCustomPlot* plot, const MetricInfo& metric, const MethodReports& reports) {
  const QString arrow = metric.lowerIsBetter ? QStringLiteral(" ↓") : QStringLiteral(" ↑");
  resetPlot(plot, metric.label + (metric.unit.isEmpty() ? QString() : " (" + metric.unit + ")") + arrow);
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  double low = 0, high = 0;
  QStringList missing;
  for (int i = 0; i < reports.size(); ++i) {
    const auto& [method, report] = reports[i];
    ticker->addTick(i + 1, method);
    const auto m = metricValue(report, metric.key);
    if (!m.present) {
      missing << method;
      continue;
    }
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setWidth(0.6);
    bars->setPen(Qt::NoPen);
    bars->setBrush(methodColor(method));
    bars->addData(i + 1, m.value);
    if (m.spread > 0) {
      auto* errors = new QCPErrorBars(plot->xAxis, plot->yAxis);
      errors->setDataPlottable(bars);
      errors->setData(QVector<double>{m.spread});
      errors->setPen(QPen(plot->palette().color(QPalette::Text), 1.5));
    }
    low = std::min(low, m.value - m.spread);
    high = std::max(high, m.value + m.spread);
    auto* label = new QCPItemText(plot);
    label->position->setCoords(i + 1, m.value + m.spread);
    label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    label->setText(QString::number(m.value, 'g', 4));
    label->setColor(plot->palette().color(QPalette::Text));
  }
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setRange(0.4, reports.size() + 0.6);
  plot->yAxis->setRange(low, high > low ? high + 0.15 * (high - low) : 1);
  if (!missing.isEmpty()) {
    auto* note = new QCPItemText(plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.5, 0.5);
    note->setText(QObject::tr("not computed for %1").arg(missing.join(", ")));
    note->setColor(plot->palette().color(QPalette::PlaceholderText));
  }
  plot->replot();
}

void plotPairPsnr(QCustomPlot* plot, const MethodReports& reports) {
  resetPlot(plot, QObject::tr("Overlap PSNR per neighbouring view pair (dB) ↑"));
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  double low = 1e9, high = -1e9;
  int pairs = 0;
  for (const auto& [method, report] : reports) {
    const auto values = pairPsnrDb(report);
    const auto labels = pairLabels(report);
    if (values.isEmpty()) continue;
    pairs = std::max(pairs, int(values.size()));
    for (int k = 0; k < labels.size(); ++k) ticker->addTick(k + 1, labels[k] + (k + 1 == labels.size() ? QObject::tr(" (wrap)") : QString()));
    auto* graph = plot->addGraph();
    graph->setName(method);
    graph->setPen(QPen(methodColor(method), 2));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    for (int k = 0; k < values.size(); ++k) {
      if (!std::isfinite(values[k])) continue;
      graph->addData(k + 1, values[k]);
      low = std::min(low, values[k]);
      high = std::max(high, values[k]);
    }
  }
  plot->xAxis->setTicker(ticker);
  plot->xAxis->setRange(0.5, pairs + 0.5);
  plot->yAxis->setRange(low < high ? low - 1 : 0, low < high ? high + 1 : 50);
  plot->legend->setVisible(plot->graphCount() > 0);
  plot->replot();
}

void plotFidCurve(QCustomPlot* plot, const MethodReports& reports) {
  resetPlot(plot, QObject::tr("FID against the number of generated images ↓"));
  plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  plot->xAxis->setLabel(QObject::tr("generated images"));
  double maxX = 1, low = 1e9, high = -1e9;
  for (const auto& [method, report] : reports) {
    const auto points = fidCurve(report);
    if (points.isEmpty()) continue;
    auto* graph = plot->addGraph();
    graph->setName(method);
    graph->setPen(QPen(methodColor(method), 2));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    for (const auto& p : points) {
      graph->addData(p.x(), p.y());
      maxX = std::max(maxX, p.x());
      low = std::min(low, p.y());
      high = std::max(high, p.y());
    }
  }
  plot->xAxis->setRange(0, maxX * 1.05);
  plot->yAxis->setRange(low < high ? low * 0.95 : 0, low < high ? high * 1.05 : 1);
  plot->legend->setVisible(plot->graphCount() > 0);
  if (plot->graphCount() == 0) {
    auto* note = new QCPItemText(plot);
    note->position->setType(QCPItemPosition::ptAxisRectRatio);
    note->position->setCoords(0.5, 0.5);
    note->setText(QObject::tr("needs Inception weights and a reference folder"));
    note->setColor(plot->palette().color(QPalette::PlaceholderText));
  }
  plot->replot();
}

}  // namespace panocast
