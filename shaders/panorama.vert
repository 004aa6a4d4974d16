#version 330 core
// A full-screen triangle pair; the fragment shader does all the work.
layout(location = 0) in vec2 position;
out vec2 screen;   // −1..1 across the viewport, y up
void main() {
  screen = position;
  gl_Position = vec4(position, 0.0, 1.0);
}
