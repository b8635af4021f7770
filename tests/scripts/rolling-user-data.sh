#!/bin/bash
echo ECS_CLUSTER=rolling >> /etc/ecs/ecs.config
