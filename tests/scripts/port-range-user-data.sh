#!/bin/bash
echo ECS_CLUSTER=ports >> /etc/ecs/ecs.config
echo ECS_DYNAMIC_HOST_PORT_RANGE=50000-50001 >> /etc/ecs/ecs.config
