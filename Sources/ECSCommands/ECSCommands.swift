import ECSModel
