#pragma once
// Ctrl-C during a long job: the first SIGINT asks the job to stop at its next check (it then
// throws panocast::Cancelled and nothing half-written is left); a second one exits at once.
namespace panocast::cli {

void installInterruptHandler();
bool interruptRequested();

}  // namespace panocast::cli
