// Stress: the 2D union of 1,600 overlapping circles (a 40 x 40 grid, each
// circle overlapping its eight neighbours, no gaps between them), extruded:
// one n-ary 2D union of 38,400 edges, nearly every edge crossing others.
linear_extrude(height = 2)
  for (i = [0:39], j = [0:39])
    translate([i * 1.2, j * 1.2]) circle(r = 1, $fn = 24);
