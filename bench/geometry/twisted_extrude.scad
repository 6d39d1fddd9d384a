// Stress: twisted linear_extrude of a star with holes, many slices.
linear_extrude(height = 40, twist = 360, slices = 200, scale = 0.5)
  difference() {
    polygon([for (i = [0:19]) let(r = i % 2 ? 4 : 10) [r * cos(i * 18), r * sin(i * 18)]]);
    circle(r = 2, $fn = 32);
  }
