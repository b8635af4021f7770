print("ecs-tutor")
