#include "jobs/job_panel.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "jobs/job_queue.h"

namespace panocast {
namespace {

// Draws the progress column as a progress bar with the job's status as its text.
class ProgressDelegate : public QStyledItemDelegate {
 public:
  using QStyledItemDelegate::QStyledItemDelegate;
  void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override {
    const double fraction = index.data(Qt::UserRole + 1).toDouble();
    QStyleOptionProgressBar bar;
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = fraction < 0 ? 0 : 1000;  // 0..0 draws a busy indicator
    bar.progress = fraction < 0 ? 0 : int(fraction * 1000);
    bar.text = index.data(Qt::DisplayRole).toString();
    bar.textVisible = true;
    bar.state = option.state | QStyle::State_Horizontal;
    QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
  }
};

}  // namespace

JobPanel::JobPanel(JobQueue* queue, QWidget* parent) : QWidget(parent), queue_(queue) {
  table_ = new QTableView(this);
  table_->setModel(queue);
  table_->setItemDelegateForColumn(JobQueue::ProgressColumn, new ProgressDelegate(table_));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->verticalHeader()->hide();
  table_->horizontalHeader()->setSectionResizeMode(JobQueue::TitleColumn, QHeaderView::Stretch);
  table_->horizontalHeader()->setSectionResizeMode(JobQueue::ProgressColumn, QHeaderView::Stretch);
  table_->setAlternatingRowColors(true);

  cancel_ = new QPushButton(tr("Cancel job"), this);
  cancel_->setObjectName("cancelJob");
  clear_ = new QPushButton(tr("Clear finished"), this);
  connect(cancel_, &QPushButton::clicked, this, [this] { queue_->cancel(selectedJob()); });
  connect(clear_, &QPushButton::clicked, queue_, &JobQueue::removeFinished);
  connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobPanel::updateButtons);
  connect(queue_, &QAbstractItemModel::dataChanged, this, &JobPanel::updateButtons);
  connect(queue_, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int, int last) {
    table_->scrollTo(queue_->index(last, 0));
    updateButtons();
  });
  connect(queue_, &QAbstractItemModel::rowsRemoved, this, &JobPanel::updateButtons);

  auto* buttons = new QVBoxLayout;
  buttons->addWidget(cancel_);
  buttons->addWidget(clear_);
  buttons->addStretch();
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(table_, 1);
  layout->addLayout(buttons);
  updateButtons();
}

int JobPanel::selectedJob() const {
  const auto rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? 0 : queue_->idAt(rows.first().row());
}

void JobPanel::updateButtons() {
  const int id = selectedJob();
  const auto state = queue_->info(id).state;
  cancel_->setEnabled(id && (state == JobState::Queued || state == JobState::Running));
  bool anyEnded = false;
  for (int row = 0; row < queue_->count(); ++row) {
    const auto s = queue_->info(queue_->idAt(row)).state;
    anyEnded |= s != JobState::Queued && s != JobState::Running;
  }
  clear_->setEnabled(anyEnded);
}

}  // namespace panocast
