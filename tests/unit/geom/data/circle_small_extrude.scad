linear_extrude(height=2, center=true) circle(r=0.5, $fs=0.1);
