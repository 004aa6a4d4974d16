#include "live/flow_overlay.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

#include "runtime/error.h"

namespace panocast {

FlowOverlay::FlowOverlay(int gridStepPx, double gain)
    : dis_(cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_ULTRAFAST)), step_(std::max(4, gridStepPx)), gain_(gain) {}

void FlowOverlay::draw(const cv::Mat& frame, cv::Mat& canvas, const cv::Mat& personMask) {
  if (frame.empty() || frame.depth() != CV_8U) throw Error("flow overlay: frames must be 8-bit images");
  if (canvas.size() != frame.size() || canvas.type() != CV_8UC3)
    throw Error("flow overlay: the canvas must be an 8-bit BGR image of the frame's size");
  cv::Mat grey, small;
  if (frame.channels() == 1) grey = frame;
  else cv::cvtColor(frame, grey, frame.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  // Half resolution: ultrafast DIS at 640×480 costs ~3.6 ms here instead of ~11 ms (live.md §5.4).
  // Small previews keep their size: below ~320 pixels across, DIS's patches see too little.
  if (grey.cols >= 640) cv::resize(grey, small, {(grey.cols + 1) / 2, (grey.rows + 1) / 2}, 0, 0, cv::INTER_AREA);
  else small = grey.clone();
  if (previous_.size() != small.size()) {
    previous_ = small;
    flow_.release();
    return;
  }
  dis_->calc(previous_, small, flow_);
  previous_ = small;

  const double sx = static_cast<double>(small.cols) / frame.cols, sy = static_cast<double>(small.rows) / frame.rows;
  const bool haveMask = !personMask.empty() && personMask.size() == frame.size();
  const cv::Scalar background(80, 255, 80), person(40, 160, 255);
  for (int y = step_ / 2; y < frame.rows; y += step_) {
    for (int x = step_ / 2; x < frame.cols; x += step_) {
      const auto f = flow_.at<cv::Vec2f>(std::min(small.rows - 1, static_cast<int>(y * sy)),
                                         std::min(small.cols - 1, static_cast<int>(x * sx)));
      cv::Point2d motion(f[0] / sx * gain_, f[1] / sy * gain_);  // back to frame pixels
      // At most a grid step long: a fast pan otherwise covers the picture in crossing arrows.
      const double length = std::sqrt(motion.dot(motion));
      if (length > step_) motion *= step_ / length;
      bool onPerson = false;
      if (haveMask)
        onPerson = personMask.type() == CV_32FC1 ? personMask.at<float>(y, x) > 0.5f : personMask.at<uchar>(y, x) != 0;
      const cv::Point start(x, y), end(cvRound(x + motion.x), cvRound(y + motion.y));
      if (motion.dot(motion) < 1.0) {
        cv::circle(canvas, start, 1, onPerson ? person : background, cv::FILLED, cv::LINE_AA);
      } else {
        cv::arrowedLine(canvas, start, end, onPerson ? person : background, 1, cv::LINE_AA, 0, 0.3);
      }
    }
  }
}

}  // namespace panocast
