text("QOS", font = "DejaVu Sans", size = 5, $fs = 0.5);
